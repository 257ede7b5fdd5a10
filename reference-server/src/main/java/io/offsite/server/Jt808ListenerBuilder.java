package io.offsite.server;

import io.offsite.core.InvalidValueException;
import io.offsite.devices.jt808.Jt808Codec;
import io.offsite.devices.jt808.Jt808Message;
import io.offsite.devices.spi.Jt808Terminals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Options of a {@link Jt808Listener}; each setter rejects a bad value at once. */
final class Jt808ListenerBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(Jt808Listener.class);

    final Jt808Terminals terminals;
    final Consumer<Jt808Message> onMessage;
    int port;
    String host = "0.0.0.0";
    Clock clock = Clock.systemUTC();
    Jt808Codec codec = Jt808Codec.create();
    Duration idleTimeout = Jt808Listener.DEFAULT_IDLE_TIMEOUT;
    int maxConnections = Jt808Listener.DEFAULT_MAX_CONNECTIONS;
    int readBufferBytes = Jt808Listener.DEFAULT_READ_BUFFER_BYTES;

    Jt808ListenerBuilder(Jt808Terminals terminals, Consumer<Jt808Message> onMessage) {
        this.terminals = Objects.requireNonNull(terminals, "terminals");
        this.onMessage = Objects.requireNonNull(onMessage, "onMessage");
    }

    /** TCP port, 0..65535; 0 (default) lets the system choose, see {@link Jt808Listener#port()}. */
    Jt808ListenerBuilder port(int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new InvalidValueException("jt808 port " + port + " outside 0..65535");
        }
        this.port = port;
        return this;
    }

    /** Address to bind; default {@code 0.0.0.0} (all interfaces). */
    Jt808ListenerBuilder host(String host) {
        this.host = Objects.requireNonNull(host, "host");
        return this;
    }

    /** Clock of the sessions (sub-package reassembly); default {@link Clock#systemUTC()}. */
    Jt808ListenerBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Codec shared by all sessions; default {@link Jt808Codec#create()}. */
    Jt808ListenerBuilder codec(Jt808Codec codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
        return this;
    }

    /** Silence after which a connection is closed, 1 ms..1 day; default 5 minutes. */
    Jt808ListenerBuilder idleTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.toMillis() < 1 || timeout.compareTo(Duration.ofDays(1)) > 0) {
            throw new InvalidValueException("jt808 idle timeout " + timeout + " outside 1 ms..1 day");
        }
        this.idleTimeout = timeout;
        return this;
    }

    /** Connections open at once, 1..1,000,000; further ones are closed at once; default 2,000. */
    Jt808ListenerBuilder maxConnections(int connections) {
        if (connections < 1 || connections > 1_000_000) {
            throw new InvalidValueException("jt808 max connections " + connections + " outside 1..1000000");
        }
        this.maxConnections = connections;
        return this;
    }

    /** Bytes read per call, 64..1 MiB; default 4,096 (a whole escaped frame is at most about 2.2 KiB). */
    Jt808ListenerBuilder readBufferBytes(int bytes) {
        if (bytes < 64 || bytes > 1 << 20) {
            throw new InvalidValueException("jt808 read buffer " + bytes + " bytes outside 64..1048576");
        }
        this.readBufferBytes = bytes;
        return this;
    }

    /**
     * Binds and starts accepting.
     *
     * @throws UncheckedIOException when the port cannot be bound (in use, no permission)
     */
    Jt808Listener start() {
        ServerSocket server;
        try {
            server = new ServerSocket();
            try {
                server.setReuseAddress(true);
                server.bind(new InetSocketAddress(host, port), 512);
            } catch (IOException e) {
                server.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for JT/T 808 terminals on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
        Jt808Listener listener = new Jt808Listener(this, server);
        listener.startAccepting();
        LOG.info("JT/T 808 listener on port {} (idle timeout {}, max connections {})", listener.port(),
                idleTimeout, maxConnections);
        return listener;
    }
}
