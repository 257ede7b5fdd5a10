package io.offsite.server;

import java.net.Authenticator;
import java.net.PasswordAuthentication;

/**
 * The ISAPI user and password as the JDK's HTTP client takes them: an {@link Authenticator} answering the camera's or
 * recorder's Basic or Digest challenge (the credentials never go into a URL or a log line).
 */
final class IsapiCredentials {
    private IsapiCredentials() {
    }

    static Authenticator of(String user, String password) {
        PasswordAuthentication auth = new PasswordAuthentication(user, password.toCharArray());
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return auth;
            }
        };
    }
}
