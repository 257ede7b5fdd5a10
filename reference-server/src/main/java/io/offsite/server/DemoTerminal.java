package io.offsite.server;

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
import io.offsite.geofence.truck.TruckPosition;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The demo truck's GPS terminal: a JT/T 808 (2013) client on a loopback socket to the server's own listener. It
 * registers, authenticates with the code the platform issued, then reports each position as a 0x0200 location and
 * waits for the platform's general response, so the demo truck takes the same path as a real one.
 */
final class DemoTerminal implements Consumer<TruckPosition>, AutoCloseable {
    private final Jt808Codec codec = Jt808Codec.create();
    private final Jt808FrameReader reader = Jt808FrameReader.forCodec(codec);
    private final ArrayDeque<byte[]> frames = new ArrayDeque<>();
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String phone;
    private int serial;

    DemoTerminal(int port, String phone, String plate) {
        this.phone = phone;
        try {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            send(new TerminalRegistration(header(0x0100), 33, 1003, "HYZN", "HY-T1", "T000001", 1, plate));
            RegistrationResponse r = (RegistrationResponse) reply();
            if (r.result() != RegistrationResult.SUCCESS) {
                throw new IllegalStateException("demo terminal refused: " + r.result());
            }
            send(TerminalAuthentication.of(header(0x0102), r.authCode()));
            expectOk();
        } catch (IOException e) {
            throw new UncheckedIOException("demo JT/T 808 terminal on port " + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void accept(TruckPosition p) {
        try {
            send(new LocationReport(header(0x0200), new Location(0, 0b11, p.location().lat(), p.location().lon(), 12,
                    p.speedKmh(), p.heading().orElse(0), p.time().truncatedTo(ChronoUnit.SECONDS), List.of())));
            expectOk();
        } catch (IOException e) {
            throw new UncheckedIOException("demo JT/T 808 terminal: " + e.getMessage(), e);
        }
    }

    private Jt808Header header(int id) {
        return Jt808Header.of(id, Jt808Version.V2013, phone, serial++);
    }

    private void send(Jt808Message m) throws IOException {
        out.write(codec.encode(m));
        out.flush();
    }

    private void expectOk() throws IOException {
        Jt808Message m = reply();
        if (!(m instanceof PlatformGeneralResponse g) || g.result() != Jt808Result.OK) {
            throw new IllegalStateException("demo terminal: platform answered " + m);
        }
    }

    private Jt808Message reply() throws IOException {
        byte[] buf = new byte[1_024];
        while (frames.isEmpty()) {
            int n = in.read(buf);
            if (n < 0) {
                throw new IOException("the platform closed the connection");
            }
            frames.addAll(reader.feed(buf, 0, n).frames());
        }
        return codec.decode(frames.poll());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
