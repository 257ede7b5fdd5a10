package io.offsite.notify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A raw HTTP/1.1 server on a loopback socket whose answers a test scripts byte by byte: headers then silence,
 * a body trickled one byte at a time, an endless chunked body. Each connection gets a daemon thread; closing
 * the server releases every stalled script and closes every socket.
 */
final class StallingServer implements AutoCloseable {
    /** What to answer to one request (its request line and headers are given). */
    interface Script {
        void answer(String requestHead, OutputStream out, StallingServer server) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final Script script;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean closed;

    StallingServer(Script script) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        Thread t = new Thread(this::acceptLoop, "stalling-server");
        t.setDaemon(true);
        t.start();
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + socket.getLocalPort() + pathAndQuery;
    }

    /** Waits (at most {@code seconds}) until {@link #close()} or a test releases the stalled scripts. */
    boolean stall(int seconds) throws InterruptedException {
        return released.await(seconds, TimeUnit.SECONDS);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket c = socket.accept();
                clients.add(c);
                Thread t = new Thread(() -> serve(c), "stalling-server-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket c) {
        try (c) {
            InputStream in = c.getInputStream();
            while (!closed) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                int length = contentLength(head);
                in.readNBytes(length);
                requests.add(head);
                script.answer(head, c.getOutputStream(), this);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away or the test closed the server
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }

    static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        released.countDown();
        socket.close();
        for (Socket c : clients) {
            c.close();
        }
    }
}
