package org.gazette;

import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.gazette.config.Settings;
import org.gazette.publish.ArticleFile;
import org.gazette.publish.ArticleFileException;
import org.gazette.publish.Submission;
import org.gazette.sample.SampleContent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code gazette} command: serve the site, publish articles from files, rebuild the index. */
@Command(name = "gazette", mixinStandardHelpOptions = true, version = "Gazette 0.1",
        description = "A news publishing platform: site, feeds and search in one process.",
        subcommands = {Gazette.Serve.class, Gazette.Publish.class, Gazette.Reindex.class, Gazette.ShowSettings.class,
                Gazette.Feeds.class, Gazette.Users.class})
public final class Gazette implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, for {@code main} and for tests that run commands as a shell would. */
    public static CommandLine commandLine() {
        return new CommandLine(new Gazette())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("gazette: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
                    return 1;
                });
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The options every command shares, so a command always sees the same site as {@code serve}. */
    static final class SiteOptions {
        @Option(names = "--data", paramLabel = "DIR", description = "Data folder (setting data.dir; default ./gazette-data).")
        Path data;

        @Option(names = "--port", paramLabel = "PORT", description = "Web server port (setting server.port; default 8080).")
        Integer port;

        @Option(names = "--config", paramLabel = "FILE", description = "Config file (default DATA/gazette.properties when present).")
        Path config;

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any setting, e.g. --set site.name=\"The Daily\". Repeatable.")
        Map<String, String> set = new HashMap<>();

        Settings settings() {
            Map<String, String> overrides = new HashMap<>(set);
            if (data != null) {
                overrides.put("data.dir", data.toString());
            }
            if (port != null) {
                overrides.put("server.port", port.toString());
            }
            return Settings.resolve(config, System.getenv(), overrides);
        }
    }

    @Command(name = "serve", description = "Run the site (public pages, feeds, search) until stopped.")
    static final class Serve implements Callable<Integer> {
        @Mixin
        SiteOptions options;

        @Override
        public Integer call() throws Exception {
            Settings settings = options.settings();
            Site site = Site.open(settings, true);
            site.start();
            SampleContent.loadIfEmpty(site);
            site.changeFeed().startPolling(Duration.ofMillis(200));
            site.followReindexRequests();
            var releaser = new ScheduledRelease(site);
            var feedPoller = org.gazette.syndication.PollScheduler.start(
                    org.gazette.syndication.Syndication.forSite(site), settings);
            Javalin app = WebServer.create(site).start();
            System.out.println("Gazette is serving " + settings.get("site.name") + " on http://localhost:" + app.port()
                    + "/ (data in " + settings.dataDir() + ")");
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                app.stop();
                releaser.close();
                feedPoller.close();
                site.close();
                stopped.countDown();
            }, "shutdown"));
            stopped.await();
            return 0;
        }
    }

    @Command(name = "publish", description = "Publish articles written as Markdown files with front matter; prints each one's URL path.")
    static final class Publish implements Callable<Integer> {
        @Mixin
        SiteOptions options;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "Markdown files to publish.")
        List<Path> files;

        @Override
        public Integer call() throws Exception {
            Settings settings = options.settings();
            // Read and check every file before storing anything, so one bad file publishes nothing half-way.
            List<Submission> submissions = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (Path file : files) {
                try {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    submissions.add(new ArticleFile(file.toString(), settings.get("site.language"), settings.timeZone())
                            .parse(text, Instant.now()));
                } catch (ArticleFileException e) {
                    errors.add(e.getMessage());
                } catch (java.io.IOException e) {
                    errors.add(file + ": cannot read the file (" + e.getMessage() + ")");
                }
            }
            if (!errors.isEmpty()) {
                errors.forEach(System.err::println);
                System.err.println("Nothing was published.");
                return 2;
            }
            try (Site site = Site.open(settings, false)) {
                site.start();
                site.indexWhilePublishing();
                for (var published : site.publisher().publishAll(submissions)) {
                    String note = published.status() == org.gazette.article.ArticleStatus.SCHEDULED ? "  (scheduled)" : "";
                    System.out.println(published.path() + note);
                }
                site.settle();
            }
            return 0;
        }
    }

    @Command(name = "reindex", description = "Rebuild the search index from the database; a running site keeps serving searches meanwhile.")
    static final class Reindex implements Callable<Integer> {
        @Mixin
        SiteOptions options;

        @Override
        public Integer call() throws Exception {
            try (Site site = Site.open(options.settings(), false)) {
                long start = System.nanoTime();
                int count = site.reindex();
                System.out.printf("Indexed %d articles in %d ms%n", count, (System.nanoTime() - start) / 1_000_000);
            }
            return 0;
        }
    }

    @Command(name = "settings", description = "List every setting: its environment variable, value in effect, and meaning.")
    static final class ShowSettings implements Callable<Integer> {
        @Mixin
        SiteOptions options;

        @Override
        public Integer call() {
            Settings settings = options.settings();
            Settings.KNOWN.forEach((key, spec) -> System.out.printf("%-22s %-32s %s%n    %s%n", key, Settings.envName(key),
                    key.equals("db.password") && !settings.get(key).isEmpty() ? "(set)" : "= " + settings.get(key), spec[1]));
            return 0;
        }
    }

    // ---- Syndication: partner feeds (implemented in org.gazette.syndication) ----

    @Command(name = "feeds", description = "Partner feeds republished on the site: add, list, poll, remove.",
            subcommands = {FeedsAdd.class, FeedsList.class, FeedsPoll.class, FeedsRemove.class})
    static final class Feeds implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }
    }

    /** Back office (issue 5): {@code gazette user add NAME --role ROLE}, the password read from standard input. */
    @Command(name = "user", description = "Manage back-office users.", subcommands = Gazette.AddUser.class)
    static final class Users implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }
    }

    /** A feeds action: opens the site, runs against its syndication service, closes it again. */
    abstract static class FeedsAction implements Callable<Integer> {
        @Mixin
        SiteOptions options;

        abstract int run(org.gazette.syndication.Syndication syndication);

        @Override
        public Integer call() throws Exception {
            try (Site site = Site.open(options.settings(), false)) {
                site.start();
                return run(org.gazette.syndication.Syndication.forSite(site));
            }
        }
    }

    @Command(name = "add", description = "Subscribe to a partner's RSS, Atom or JSON feed.")
    static final class FeedsAdd extends FeedsAction {
        @Mixin
        org.gazette.syndication.FeedsCli.AddOptions add;

        @Override
        int run(org.gazette.syndication.Syndication s) {
            return org.gazette.syndication.FeedsCli.add(s, add, System.out);
        }
    }

    @Command(name = "list", description = "Every partner feed with its status: last poll, HTTP status, item counts, last error.")
    static final class FeedsList extends FeedsAction {
        @Override
        int run(org.gazette.syndication.Syndication s) {
            return org.gazette.syndication.FeedsCli.list(s, System.out);
        }
    }

    @Command(name = "poll", description = "Poll one feed (or all) now and print the outcome.")
    static final class FeedsPoll extends FeedsAction {
        @Parameters(paramLabel = "ID", arity = "0..1", description = "The feed to poll; all enabled feeds when left out.")
        Long id;

        @Override
        int run(org.gazette.syndication.Syndication s) {
            return org.gazette.syndication.FeedsCli.poll(s, id, System.out);
        }
    }

    @Command(name = "remove", description = "Unsubscribe; articles already taken in stay published.")
    static final class FeedsRemove extends FeedsAction {
        @Parameters(paramLabel = "ID", description = "The feed to remove (see 'feeds list').")
        long id;

        @Override
        int run(org.gazette.syndication.Syndication s) {
            return org.gazette.syndication.FeedsCli.remove(s, id, System.out);
        }
    }

    @Command(name = "add", description = "Create a user; the password is read from standard input (typed twice on a terminal).")
    static final class AddUser implements Callable<Integer> {
        @Mixin
        SiteOptions options;

        @Parameters(paramLabel = "NAME", description = "User name: letters, digits, dots, dashes, underscores.")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "contributor, author, editor or admin.")
        String role;

        @Override
        public Integer call() throws Exception {
            org.gazette.account.Role parsed = org.gazette.account.Role.parse(role);
            if (parsed == null) {
                System.err.println("gazette: unknown role '" + role + "' (contributor, author, editor or admin)");
                return 2;
            }
            String password = org.gazette.account.PasswordPrompt.read(System.console(), System.in);
            if (password == null) {
                System.err.println("gazette: no password given on standard input");
                return 2;
            }
            try (var database = org.gazette.db.Database.open(options.settings())) {
                var account = new org.gazette.account.AccountStore(database.jdbi()).create(name, parsed, password, Instant.now());
                System.out.println("Created " + account.role().id() + " " + account.username());
                return 0;
            } catch (org.gazette.account.AccountStore.AccountException e) {
                System.err.println("gazette: " + e.getMessage());
                return 2;
            }
        }
    }
}
