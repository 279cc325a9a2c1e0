package tyndau.alerts;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** One of the two starts of {@link RestartScenario}. */
@QuarkusTest
@TestProfile(FirstStartTest.Profile.class)
class FirstStartTest extends RestartScenario {
    /** Same home as {@link RestartTest}; a profile class of its own, so that Quarkus starts the service again. */
    public static class Profile extends SameHome {
    }
}
