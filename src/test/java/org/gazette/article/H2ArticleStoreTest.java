package org.gazette.article;

import java.nio.file.Path;
import org.gazette.db.Database;
import org.gazette.support.TestDatabases;
import org.junit.jupiter.api.io.TempDir;

/** The store on the embedded H2 file database, as a newcomer's site runs it. */
class H2ArticleStoreTest extends ArticleStoreContract {

    @TempDir
    Path dir;

    @Override
    Database openDatabase() {
        return TestDatabases.h2(dir);
    }
}
