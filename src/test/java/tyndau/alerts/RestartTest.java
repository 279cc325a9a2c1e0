package tyndau.alerts;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The other start of {@link RestartScenario}. */
@QuarkusTest
@TestProfile(RestartTest.Profile.class)
class RestartTest extends RestartScenario {
    /** Same home as {@link FirstStartTest}; a profile class of its own, so that Quarkus starts the service again. */
    public static class Profile extends SameHome {
    }
}
