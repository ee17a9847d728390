package org.gazette.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void environmentNamesFollowTheKey() {
        assertThat(Settings.envName("site.sample-content")).isEqualTo("GAZETTE_SITE_SAMPLE_CONTENT");
        assertThat(Settings.envName("server.port")).isEqualTo("GAZETTE_SERVER_PORT");
    }

    @Test
    void laterLayersWin_defaultsThenFileThenEnvironmentThenCommandLine() throws Exception {
        Path file = dir.resolve("gazette.properties");
        Files.writeString(file, "site.name=From File\nsite.tagline=File tagline\nserver.port=9000\n");
        Settings settings = Settings.resolve(file,
                Map.of("GAZETTE_SITE_TAGLINE", "Env tagline", "GAZETTE_SERVER_PORT", "9100"),
                Map.of("server.port", "9200"));
        assertThat(settings.get("site.name")).isEqualTo("From File");
        assertThat(settings.get("site.tagline")).isEqualTo("Env tagline");
        assertThat(settings.getInt("server.port")).isEqualTo(9200);
        assertThat(settings.get("site.language")).isEqualTo("en");
    }

    @Test
    void theDataFolderSuppliesTheDefaultConfigFile() throws Exception {
        Files.writeString(dir.resolve("gazette.properties"), "site.name=In Data Folder\n");
        Settings settings = Settings.resolve(null, Map.of("GAZETTE_DATA_DIR", dir.toString()), Map.of());
        assertThat(settings.get("site.name")).isEqualTo("In Data Folder");
        assertThat(settings.dataDir()).isEqualTo(dir.toAbsolutePath());
        assertThat(settings.databaseUrl()).startsWith("jdbc:h2:file:" + dir.toAbsolutePath().resolve("db"));
        assertThat(settings.searchDir()).isEqualTo(dir.toAbsolutePath().resolve("index"));
    }

    @Test
    void sampleContentCanBeSwitchedOffFromTheEnvironment() {
        Settings settings = Settings.resolve(null, Map.of("GAZETTE_SITE_SAMPLE_CONTENT", "false"), Map.of());
        assertThat(settings.getBoolean("site.sample-content")).isFalse();
    }

    @Test
    void mistakesAreNamed() throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "site.nmae=Typo\n");
        assertThatThrownBy(() -> Settings.resolve(file, Map.of(), Map.of()))
                .hasMessageContaining("Unknown setting 'site.nmae'");
        assertThatThrownBy(() -> Settings.of(Map.of("server.port", "eighty")).getInt("server.port"))
                .hasMessageContaining("must be a whole number");
        assertThatThrownBy(() -> Settings.of(Map.of("site.sample-content", "yes")).getBoolean("site.sample-content"))
                .hasMessageContaining("true or false");
        assertThatThrownBy(() -> Settings.resolve(dir.resolve("missing.properties"), Map.of(), Map.of()))
                .hasMessageContaining("Cannot read config file");
    }

    @Test
    void baseUrlDefaultsToLocalhostAndPort() {
        assertThat(Settings.of(Map.of("server.port", "8181")).baseUrl()).isEqualTo("http://localhost:8181");
        assertThat(Settings.of(Map.of("site.base-url", "https://news.example.org/")).baseUrl()).isEqualTo("https://news.example.org");
    }
}
