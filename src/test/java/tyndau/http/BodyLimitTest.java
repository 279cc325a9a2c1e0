package tyndau.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** JSON bodies are capped at tyndau.http.max-json-body (1 MB), declared or chunked; the import is not. */
@QuarkusTest
class BodyLimitTest {
    static final String KEY = "Bearer test-api-key";

    /** A valid topic padded with whitespace (still valid JSON) to {@code chars}. */
    static String bigTopic(int chars) {
        return "{\"label\":\"Big\",\"query\":\"budget\"" + " ".repeat(chars) + "}";
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
        var r = given().header("Authorization", KEY).contentType("application/json")
                .body(bigTopic(1_100_000).getBytes(StandardCharsets.UTF_8)).put("/api/topics/too-big");
        assertEquals(413, r.statusCode());
        assertTrue(r.jsonPath().getString("detail").contains("tyndau.http.max-json-body"));
        assertEquals(404, given().get("/api/topics/too-big").statusCode(), "nothing stored");
    }

    /** Sends {@code body} chunked (no declared length) and answers the status line. */
    static String putChunked(String path, byte[] body) throws Exception {
        try (Socket s = new Socket("localhost", RestAssured.port)) {
            OutputStream out = s.getOutputStream();
            out.write(("PUT " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + KEY
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try {
                for (int at = 0; at < body.length; at += 65_536) {
                    int n = Math.min(65_536, body.length - at);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, at, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.io.IOException closedEarly) {
                // the server may answer and close before the rest is sent
            }
            InputStream in = s.getInputStream();
            return new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void aChunkedBodyIsCutAtTheLimit() throws Exception {
        assertEquals("HTTP/1.1 413", putChunked("/api/topics/too-big-chunked", bigTopic(2_000_000).getBytes(StandardCharsets.UTF_8)));
        assertEquals(404, given().get("/api/topics/too-big-chunked").statusCode(), "nothing stored");
    }

    @Test
    void anOverflowInsideAStringValueIsStillA413() throws Exception {
        byte[] body = ("{\"label\":\"Big\",\"query\":\"" + "budget ".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals("HTTP/1.1 413", putChunked("/api/topics/too-big-string", body));
    }

    @Test
    void aBodyUnderTheLimitIsRead() {
        given().header("Authorization", KEY).contentType("application/json")
                .body(bigTopic(900_000).getBytes(StandardCharsets.UTF_8)).put("/api/topics/big-but-fine")
                .then().statusCode(200);
    }
}
