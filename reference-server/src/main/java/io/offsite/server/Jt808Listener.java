package io.offsite.server;

import io.offsite.core.Masks;
import io.offsite.devices.DeviceMessageException;
import io.offsite.devices.jt808.Jt808Codec;
import io.offsite.devices.jt808.Jt808Message;
import io.offsite.devices.jt808.Jt808Session;
import io.offsite.devices.spi.Jt808Terminals;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JT/T 808 (道路运输车辆卫星定位系统终端通讯协议) TCP listener of the reference server: vehicle terminals connect,
 * register, authenticate and report locations; each connection gets its own {@link Jt808Session} on its own
 * virtual thread.
 *
 * <p>Per read, the messages the session decodes are handed to {@code onMessage} in stream order first, and the reply
 * frames (0x8001 / 0x8100) are written back after: a terminal that saw its 0x8001 knows the message was handed on,
 * and one that did not will resend it. A {@link RuntimeException} from {@code onMessage} is logged and counted; the
 * connection stays open. Rejects (bad frames, messages before authentication) are logged with terminal phones
 * masked: the first few of a connection at WARN, the rest at DEBUG. A connection silent for the idle timeout
 * (terminals heartbeat every 30–60 s) is expired and closed; one over the connection limit is closed at once.
 * A {@link RuntimeException} from the {@link Jt808Terminals} closes that connection (the terminal reconnects).
 *
 * <p>Thread-safe. {@link #close()} closes the server socket and every connection and waits for their threads.
 */
final class Jt808Listener implements AutoCloseable {
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    static final int DEFAULT_MAX_CONNECTIONS = 2_000;
    static final int DEFAULT_READ_BUFFER_BYTES = 4_096;
    /** Rejects of one connection logged at WARN; later ones go to DEBUG so a broken terminal cannot flood the log. */
    static final int WARN_REJECTS_PER_CONNECTION = 3;
    private static final Logger LOG = LoggerFactory.getLogger(Jt808Listener.class);
    /** Terminal phones as JT/T 808 headers carry them: 12 (2013) or 20 (2019) digits, left-padded with zeros. */
    private static final Pattern TERMINAL_PHONE = Pattern.compile("(?<![0-9])[0-9]{12}(?:[0-9]{8})?(?![0-9])");
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private final ServerSocket server;
    private final Jt808Terminals terminals;
    private final Jt808Codec codec;
    private final Clock clock;
    private final Consumer<Jt808Message> onMessage;
    private final int idleMillis;
    private final int maxConnections;
    private final int readBufferBytes;
    private final Thread acceptor;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder messagesHandedOn = new LongAdder();
    private final LongAdder repliesWritten = new LongAdder();
    private final LongAdder rejects = new LongAdder();
    private final LongAdder onMessageFailures = new LongAdder();
    private final LongAdder idleClosed = new LongAdder();
    private volatile boolean closed;

    Jt808Listener(Jt808ListenerBuilder b, ServerSocket server) {
        this.server = server;
        this.terminals = b.terminals;
        this.codec = b.codec;
        this.clock = b.clock;
        this.onMessage = b.onMessage;
        this.idleMillis = (int) Math.min(Integer.MAX_VALUE, b.idleTimeout.toMillis());
        this.maxConnections = b.maxConnections;
        this.readBufferBytes = b.readBufferBytes;
        this.acceptor = Thread.ofVirtual().name("jt808-accept-" + server.getLocalPort()).unstarted(this::acceptLoop);
    }

    /** Listens on {@code port} (0 = ephemeral) with the default options. */
    static Jt808Listener start(int port, Jt808Terminals terminals, Clock clock, Consumer<Jt808Message> onMessage) {
        return builder(terminals, onMessage).port(port).clock(clock).start();
    }

    /** A builder for a listener checking terminals with {@code terminals} and handing messages to {@code onMessage}. */
    static Jt808ListenerBuilder builder(Jt808Terminals terminals, Consumer<Jt808Message> onMessage) {
        return new Jt808ListenerBuilder(terminals, onMessage);
    }

    /** Starts the thread that accepts connections (once, by the builder). */
    void startAccepting() {
        acceptor.start();
    }

    /** The port listened on (the one the system chose when started with 0). */
    int port() {
        return server.getLocalPort();
    }

    /** Connections open now. */
    int connectionsOpen() {
        return open.get();
    }

    /** Connections taken since the start (not counting refused ones). */
    long connectionsAccepted() {
        return accepted.sum();
    }

    /** Connections closed at once because {@code maxConnections} were open. */
    long connectionsRefused() {
        return refused.sum();
    }

    /** Connections closed after the idle timeout. */
    long connectionsIdleClosed() {
        return idleClosed.sum();
    }

    /** Messages handed to {@code onMessage} (including those it failed on). */
    long messagesHandedOn() {
        return messagesHandedOn.sum();
    }

    /** Reply frames written to terminals (each accepted terminal frame but 0x0001 is answered). */
    long repliesWritten() {
        return repliesWritten.sum();
    }

    /** Frames or messages refused by the sessions (bad frames, unauthenticated messages, refused logins). */
    long rejects() {
        return rejects.sum();
    }

    /** Messages on which {@code onMessage} threw. */
    long onMessageFailures() {
        return onMessageFailures.sum();
    }

    /** Threads of this listener still alive: the acceptor and one per connection; 0 after {@link #close()}. */
    int liveThreads() {
        int n = acceptor.isAlive() ? 1 : 0;
        for (Connection c : connections) {
            n += c.thread.isAlive() ? 1 : 0;
        }
        return n;
    }

    /** Closes the server socket and every connection and waits (up to 5 s) for their threads to end. Idempotent. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        long deadline = System.nanoTime() + JOIN_TIMEOUT.toNanos();
        join(acceptor, deadline); // once it has ended no connection is added
        List<Connection> now = List.copyOf(connections);
        for (Connection c : now) {
            closeQuietly(c.socket);
        }
        for (Connection c : now) {
            join(c.thread, deadline);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (closed || server.isClosed()) {
                    return;
                }
                LOG.warn("JT/T 808 accept on port {} failed: {}", port(), e.toString());
                continue;
            }
            if (open.incrementAndGet() > maxConnections) {
                open.decrementAndGet();
                refused.increment();
                LOG.warn("JT/T 808 connection from {} refused: max-connections {} already open",
                        socket.getRemoteSocketAddress(), maxConnections);
                closeQuietly(socket);
                continue;
            }
            accepted.increment();
            Connection c = new Connection(socket);
            connections.add(c);
            if (closed) {
                closeQuietly(socket);
            }
            c.thread.start();
        }
    }

    /** One terminal connection: its socket, session and thread. */
    private final class Connection {
        private final Socket socket;
        private final Thread thread;
        private final String remote;
        private final Jt808Session session;
        private int rejectCount;

        Connection(Socket socket) {
            this.socket = socket;
            this.remote = String.valueOf(socket.getRemoteSocketAddress());
            this.session = Jt808Session.builder(terminals).codec(codec).clock(clock).build();
            this.thread = Thread.ofVirtual().name("jt808-" + remote).unstarted(this::run);
        }

        private void run() {
            LOG.debug("JT/T 808 connection from {} opened", remote);
            String why = "closed by the terminal";
            try {
                socket.setSoTimeout(idleMillis);
                socket.setTcpNoDelay(true);
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                byte[] buf = new byte[readBufferBytes];
                while (true) {
                    int n;
                    try {
                        n = in.read(buf);
                    } catch (SocketTimeoutException e) {
                        idleClosed.increment();
                        why = "idle for " + idleMillis + " ms";
                        logRejects(session.expire());
                        break;
                    }
                    if (n < 0) {
                        break;
                    }
                    Jt808Session.Output output = session.onBytes(buf, 0, n);
                    logRejects(output.rejects());
                    handOn(output.messages());
                    for (byte[] reply : output.replies()) {
                        out.write(reply);
                    }
                    out.flush();
                    repliesWritten.add(output.replies().size());
                }
            } catch (SocketException e) {
                why = closed ? "listener closed" : "socket error: " + e.getMessage();
            } catch (IOException e) {
                why = "I/O error: " + e;
            } catch (RuntimeException e) {
                why = "terminal check failed";
                LOG.error("JT/T 808 connection from {} (terminal {}) closed: the terminal check failed", remote,
                        phone(), masked(e));
            } finally {
                closeQuietly(socket);
                connections.remove(this);
                open.decrementAndGet();
                LOG.debug("JT/T 808 connection from {} (terminal {}) closed: {}, {} rejects", remote, phone(), why,
                        rejectCount);
            }
        }

        private void handOn(List<Jt808Message> messages) {
            for (Jt808Message m : messages) {
                messagesHandedOn.increment();
                try {
                    onMessage.accept(m);
                } catch (RuntimeException e) {
                    onMessageFailures.increment();
                    LOG.error("JT/T 808 message 0x{} from terminal {} failed downstream; connection kept",
                            String.format("%04X", m.header().messageId()), Masks.phone(m.header().phone()),
                            masked(e));
                }
            }
        }

        private void logRejects(List<DeviceMessageException> found) {
            for (DeviceMessageException e : found) {
                rejects.increment();
                rejectCount++;
                String text = mask(e.getMessage());
                if (rejectCount <= WARN_REJECTS_PER_CONNECTION) {
                    LOG.warn("JT/T 808 reject from {} (terminal {}): {}", remote, phone(), text);
                } else {
                    LOG.debug("JT/T 808 reject from {} (terminal {}): {}", remote, phone(), text);
                }
            }
        }

        private String phone() {
            return session.authenticatedPhone().map(Masks::phone).orElse("not authenticated");
        }
    }

    /** {@link Masks#inText} plus JT/T 808 terminal phones, which carry leading zeros it does not look for. */
    static String mask(String text) {
        String masked = Masks.inText(text);
        return TERMINAL_PHONE.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(Masks.phone(m.group())));
    }

    /**
     * A copy of {@code t} fit for a log line: as {@link Masks#exception}, with JT/T 808 terminal phones masked too
     * in every message of the cause chain; class names and stack traces kept.
     */
    static Throwable masked(Throwable t) {
        return masked(t, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    private static Throwable masked(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return null;
        }
        Throwable m = new MaskedFailure(t.getClass().getName(), t.getMessage() == null ? "" : mask(t.getMessage()),
                masked(t.getCause(), seen));
        m.setStackTrace(t.getStackTrace());
        return m;
    }

    /** A logged stand-in for an exception: prints as the original class with the masked message. */
    private static final class MaskedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String originalClass;

        MaskedFailure(String originalClass, String maskedMessage, Throwable cause) {
            super(maskedMessage, cause);
            this.originalClass = originalClass;
        }

        @Override
        public String toString() {
            String msg = getMessage();
            return msg.isEmpty() ? originalClass : originalClass + ": " + msg;
        }
    }

    private static void join(Thread t, long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return;
        }
        try {
            t.join(Duration.ofNanos(left));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing {} failed: {}", c, e.toString());
        }
    }
}
