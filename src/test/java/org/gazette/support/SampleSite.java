package org.gazette.support;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The sample site on a free port, started once for all the tests of a class that only read it. */
public abstract class SampleSite {

    @TempDir
    protected static Path data;

    protected static TestSite site;

    @BeforeAll
    static void startSampleSite() throws Exception {
        site = TestSite.start(data);
    }

    @AfterAll
    static void stopSampleSite() {
        if (site != null) {
            site.close();
        }
    }
}
