package org.gazette.article;

import org.gazette.db.Database;
import org.gazette.support.TestDatabases;

/** The store on a real PostgreSQL server, each test in a schema of its own. */
class PostgresArticleStoreTest extends ArticleStoreContract {

    @Override
    Database openDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    void closeDatabase(Database database) {
        if (database == null) {
            return; // skipped: no PostgreSQL server to test against
        }
        TestDatabases.dropSchema(database);
        database.close();
    }
}
