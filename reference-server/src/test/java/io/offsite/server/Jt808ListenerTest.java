package io.offsite.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.offsite.core.InvalidValueException;
import io.offsite.devices.jt808.Heartbeat;
import io.offsite.devices.jt808.InMemoryJt808Terminals;
import io.offsite.devices.jt808.Jt808Codec;
import io.offsite.devices.jt808.Jt808FrameReader;
import io.offsite.devices.jt808.Jt808Header;
import io.offsite.devices.jt808.Jt808Message;
import io.offsite.devices.jt808.Jt808Result;
import io.offsite.devices.jt808.Jt808Version;
import io.offsite.devices.jt808.Location;
import io.offsite.devices.jt808.LocationReport;
import io.offsite.devices.jt808.PlatformGeneralResponse;
import io.offsite.devices.jt808.RegistrationResponse;
import io.offsite.devices.jt808.RegistrationResult;
import io.offsite.devices.jt808.TerminalAuthentication;
import io.offsite.devices.jt808.TerminalRegistration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Jt808ListenerTest {
    private static final String PHONE = "013305760001";
    private static final String AUTH_CODE = "HY331003";
    private static final Instant FIX = LocalDateTime.of(2026, 12, 6, 15, 10, 0).toInstant(Location.BEIJING);
    private static final Jt808Codec CODEC = Jt808Codec.create();

    private final List<Jt808Message> handedOn = new CopyOnWriteArrayList<>();
    private final InMemoryJt808Terminals terminals = InMemoryJt808Terminals.builder().authCodes(() -> AUTH_CODE)
            .build();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    @Test
    void registeredAuthenticatedTerminal_locationIsAnsweredOkAndHandedOn() throws Exception {
        Jt808Listener listener = listen(Jt808Listener.builder(terminals, handedOn::add));
        Terminal t = connect(listener);

        t.send(registration(1));
        RegistrationResponse registered = (RegistrationResponse) t.nextReply();
        assertThat(registered.result()).isEqualTo(RegistrationResult.SUCCESS);
        assertThat(registered.authCode()).isEqualTo(AUTH_CODE);
        assertThat(registered.answeredSerial()).isEqualTo(1);

        t.send(TerminalAuthentication.of(header(0x0102, 2), registered.authCode()));
        assertGeneral(t.nextReply(), 2, 0x0102, Jt808Result.OK);

        t.send(location(3));
        assertGeneral(t.nextReply(), 3, 0x0200, Jt808Result.OK);

        // messages are handed on before the reply is written, so no waiting is needed here
        assertThat(handedOn).hasSize(3);
        LocationReport report = (LocationReport) handedOn.get(2);
        assertThat(report.header().phone()).isEqualTo(PHONE);
        assertThat(report.location().latitude()).isCloseTo(28.64, within(1e-6));
        assertThat(report.location().longitude()).isCloseTo(121.26, within(1e-6));
        assertThat(report.location().time()).isEqualTo(FIX);
        assertThat(listener.messagesHandedOn()).isEqualTo(3);
        // the counter moves after the flush, which may be just after the terminal read the reply
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (listener.repliesWritten() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(listener.repliesWritten()).isEqualTo(3);
        assertThat(listener.rejects()).isZero();
    }

    @Test
    void locationBeforeAuthentication_isAnsweredFailureAndNotHandedOn() throws Exception {
        Jt808Listener listener = listen(Jt808Listener.builder(terminals, handedOn::add));
        Terminal t = connect(listener);

        t.send(location(7));

        assertGeneral(t.nextReply(), 7, 0x0200, Jt808Result.FAILURE);
        assertThat(handedOn).isEmpty();
        assertThat(listener.rejects()).isEqualTo(1);
    }

    @Test
    void frameSplitAcrossWrites_andTwoFramesInOneWrite_areBothRead() throws Exception {
        Jt808Listener listener = listen(Jt808Listener.builder(terminals, handedOn::add));
        Terminal t = connect(listener);
        authenticate(t);

        byte[] first = CODEC.encode(location(10));
        t.sendRaw(Arrays.copyOfRange(first, 0, 9));
        Thread.sleep(50);
        t.sendRaw(Arrays.copyOfRange(first, 9, first.length));
        assertGeneral(t.nextReply(), 10, 0x0200, Jt808Result.OK);

        byte[] a = CODEC.encode(new Heartbeat(header(0x0002, 11)));
        byte[] b = CODEC.encode(location(12));
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        t.sendRaw(both);
        assertGeneral(t.nextReply(), 11, 0x0002, Jt808Result.OK);
        assertGeneral(t.nextReply(), 12, 0x0200, Jt808Result.OK);

        assertThat(handedOn).extracting(m -> m.header().serial()).containsSubsequence(10, 11, 12);
    }

    @Test
    void badCheckCode_isRejectedWithoutReply_andConnectionStaysUsable() throws Exception {
        Jt808Listener listener = listen(Jt808Listener.builder(terminals, handedOn::add));
        Terminal t = connect(listener);
        authenticate(t);
        int before = handedOn.size();

        byte[] bad = CODEC.encode(location(20));
        int check = bad.length - 2;
        assertThat(bad[check - 1]).as("check code not escaped in this sample").isNotEqualTo((byte) 0x7D);
        bad[check] = (byte) (bad[check] == 0x11 ? 0x22 : 0x11);
        t.sendRaw(bad);
        t.send(new Heartbeat(header(0x0002, 21)));

        // replies come in order: the first one answers the heartbeat, so the bad frame got none
        assertGeneral(t.nextReply(), 21, 0x0002, Jt808Result.OK);
        assertThat(handedOn.subList(before, handedOn.size())).singleElement().isInstanceOf(Heartbeat.class);
        assertThat(listener.rejects()).isEqualTo(1);
        assertThat(listener.connectionsOpen()).isEqualTo(1);
    }

    @Test
    void failingOnMessage_isCountedAndConnectionKept() throws Exception {
        Consumer<Jt808Message> failing = m -> {
            throw new IllegalStateException("downstream down for " + m.header().phone());
        };
        Jt808Listener listener = listen(Jt808Listener.builder(terminals, failing));
        Terminal t = connect(listener);

        authenticate(t);
        t.send(location(30));
        assertGeneral(t.nextReply(), 30, 0x0200, Jt808Result.OK);

        assertThat(listener.onMessageFailures()).isEqualTo(3);
        assertThat(listener.connectionsOpen()).isEqualTo(1);
    }

    @Test
    void silentConnection_isClosedAfterIdleTimeout() throws Exception {
        Jt808Listener listener = listen(Jt808Listener.builder(terminals, handedOn::add)
                .idleTimeout(Duration.ofMillis(300)));
        Terminal t = connect(listener);

        long start = System.nanoTime();
        assertThat(t.readToEnd()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
        awaitZeroOpen(listener);
        assertThat(listener.connectionsIdleClosed()).isEqualTo(1);
    }

    @Test
    void connectionOverTheLimit_isClosedAtOnce() throws Exception {
        Jt808Listener listener = listen(Jt808Listener.builder(terminals, handedOn::add).maxConnections(1));
        Terminal first = connect(listener);
        authenticate(first);

        Terminal second = connect(listener);
        assertThat(second.readToEnd()).isTrue();
        assertThat(listener.connectionsRefused()).isEqualTo(1);

        first.send(new Heartbeat(header(0x0002, 40)));
        assertGeneral(first.nextReply(), 40, 0x0002, Jt808Result.OK);
    }

    @Test
    void close_closesEveryConnectionAndEndsAllThreads() throws Exception {
        Jt808Listener listener = Jt808Listener.start(0, terminals, Clock.systemUTC(), handedOn::add);
        Terminal a = connect(listener);
        Terminal b = connect(listener);
        authenticate(a);
        b.send(location(1));
        b.nextReply();
        assertThat(listener.liveThreads()).isEqualTo(3);

        listener.close();

        assertThat(listener.liveThreads()).isZero();
        assertThat(listener.connectionsOpen()).isZero();
        assertThat(a.readToEnd()).isTrue();
        assertThat(b.readToEnd()).isTrue();
        assertThatThrownBy(() -> new Socket("127.0.0.1", listener.port()).close()).isInstanceOf(IOException.class);
        listener.close(); // idempotent
    }

    @Test
    void portInUse_failsWithThePort() {
        Jt808Listener listener = listen(Jt808Listener.builder(terminals, handedOn::add));
        assertThatThrownBy(() -> Jt808Listener.builder(terminals, handedOn::add).host("127.0.0.1")
                .port(listener.port()).start()).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(":" + listener.port());
    }

    @Test
    void badOptions_areRefusedWithTheValue() {
        Jt808ListenerBuilder b = Jt808Listener.builder(terminals, handedOn::add);
        assertThatThrownBy(() -> b.port(70_000)).isInstanceOf(InvalidValueException.class).hasMessageContaining("70000");
        assertThatThrownBy(() -> b.idleTimeout(Duration.ZERO)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> b.maxConnections(0)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> b.readBufferBytes(8)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void logMasking_hidesTerminalPhonesWithLeadingZeros() {
        assertThat(Jt808Listener.mask("jt808/session/0x0200: terminal 013305760001 has not authenticated"))
                .contains("013****0001").doesNotContain("013305760001");
        assertThat(Jt808Listener.mask("terminal 00000000013305760001 differs"))
                .contains("000****0001").doesNotContain("13305760001");
    }

    @Test
    void loggedFailure_hasTerminalPhonesMaskedInTheWholeCauseChain() {
        Throwable e = new IllegalStateException("downstream down for 013305760001",
                new IOException("store refused 00000000013305760001"));

        Throwable logged = Jt808Listener.masked(e);

        assertThat(logged.toString()).isEqualTo("java.lang.IllegalStateException: downstream down for 013****0001");
        assertThat(logged.getCause().toString()).isEqualTo("java.io.IOException: store refused 000****0001");
        assertThat(logged.getStackTrace()).isEqualTo(e.getStackTrace());
    }

    private Jt808Listener listen(Jt808ListenerBuilder builder) {
        Jt808Listener listener = builder.start();
        toClose.add(listener);
        return listener;
    }

    private Terminal connect(Jt808Listener listener) throws IOException {
        Terminal t = new Terminal(new Socket("127.0.0.1", listener.port()));
        toClose.add(t);
        return t;
    }

    private static void authenticate(Terminal t) throws IOException {
        t.send(registration(0));
        RegistrationResponse r = (RegistrationResponse) t.nextReply();
        t.send(TerminalAuthentication.of(header(0x0102, 1), r.authCode()));
        assertGeneral(t.nextReply(), 1, 0x0102, Jt808Result.OK);
    }

    private static void awaitZeroOpen(Jt808Listener listener) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (listener.connectionsOpen() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(listener.connectionsOpen()).isZero();
    }

    private static void assertGeneral(Jt808Message reply, int serial, int id, Jt808Result result) {
        assertThat(reply).isInstanceOf(PlatformGeneralResponse.class);
        PlatformGeneralResponse r = (PlatformGeneralResponse) reply;
        assertThat(r.answeredSerial()).isEqualTo(serial);
        assertThat(r.answeredId()).isEqualTo(id);
        assertThat(r.result()).isEqualTo(result);
        assertThat(r.header().phone()).isEqualTo(PHONE);
    }

    private static Jt808Header header(int id, int serial) {
        return Jt808Header.of(id, Jt808Version.V2013, PHONE, serial);
    }

    private static TerminalRegistration registration(int serial) {
        return new TerminalRegistration(header(0x0100, serial), 33, 1003, "HYZN", "HY-T1", "T000001", 1,
                "浙JA1234");
    }

    private static LocationReport location(int serial) {
        return new LocationReport(header(0x0200, serial),
                new Location(0, 2, 28.64, 121.26, 12, 36.5, 90, FIX, List.of()));
    }

    /** The terminal side: encodes frames with the codec and splits what comes back into frames. */
    private static final class Terminal implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final Jt808FrameReader reader = Jt808FrameReader.forCodec(CODEC);
        private final ArrayDeque<byte[]> frames = new ArrayDeque<>();

        Terminal(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(5_000);
            this.in = socket.getInputStream();
        }

        void send(Jt808Message m) throws IOException {
            sendRaw(CODEC.encode(m));
        }

        void sendRaw(byte[] bytes) throws IOException {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        }

        /** The next frame from the listener, decoded; fails after 5 s. */
        Jt808Message nextReply() throws IOException {
            byte[] buf = new byte[512];
            while (frames.isEmpty()) {
                int n = in.read(buf);
                if (n < 0) {
                    throw new IOException("the listener closed the connection");
                }
                Jt808FrameReader.Chunk chunk = reader.feed(buf, 0, n);
                assertThat(chunk.rejects()).isEmpty();
                frames.addAll(chunk.frames());
            }
            return CODEC.decode(frames.poll());
        }

        /** Whether the listener closed the connection (end of stream or reset) within 5 s, nothing read before. */
        boolean readToEnd() throws IOException {
            try {
                return in.read() < 0;
            } catch (SocketException e) {
                return true;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
