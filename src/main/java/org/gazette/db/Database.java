package org.gazette.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.gazette.config.Settings;
import org.jdbi.v3.core.Jdbi;

/**
 * The source of truth: one connection pool, migrated to the current schema before use.
 * The same migrations run on H2 and PostgreSQL, so they stick to SQL both understand.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final String schema;

    private Database(HikariDataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.jdbi = Jdbi.create(dataSource);
    }

    public static Database open(Settings settings) {
        return open(settings.databaseUrl(), settings.get("db.user"), settings.get("db.password"),
                settings.getInt("db.pool-size"), null);
    }

    /**
     * Opens and migrates a database.
     *
     * @param schema a schema to create and use, or null for the connection's default
     */
    public static Database open(String url, String user, String password, int poolSize, String schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("gazette");
        if (schema != null) {
            config.setSchema(schema);
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            var flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration");
            if (schema != null) {
                flyway.schemas(schema).createSchemas(true);
            }
            flyway.load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, schema);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public String schema() {
        return schema;
    }

    public boolean isPostgres() {
        return dataSource.getJdbcUrl().startsWith("jdbc:postgresql:");
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
