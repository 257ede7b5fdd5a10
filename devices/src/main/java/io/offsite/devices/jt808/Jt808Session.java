package io.offsite.devices.jt808;

import io.offsite.devices.DeviceMessageException;
import io.offsite.devices.spi.Jt808Terminals;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The JT/T 808 protocol state of one terminal connection, independent of the transport: the server (or a vendor)
 * hands it the bytes it reads and writes back the reply frames it returns.
 *
 * <pre>{@code
 * Jt808Session session = Jt808Session.builder(terminals).clock(clock).build();    // one per TCP connection
 * Jt808Session.Output out = session.onBytes(buf, 0, n);
 * out.replies().forEach(channel::write);            // 0x8001 / 0x8100 frames, in order
 * out.messages().forEach(pipeline::accept);         // LocationReport, BatchLocationUpload, ...
 * out.rejects().forEach(log::warn);                 // DeviceMessageException with its reason
 * }</pre>
 *
 * <p>What it does with each frame: a registration (0x0100) is put to {@link Jt808Terminals#register} and answered
 * with 0x8100; an authentication (0x0102) is checked with {@link Jt808Terminals#authenticate} and answered with
 * 0x8001 OK or FAILURE (a refusal is also a reject). Before a successful authentication every other message is
 * answered with FAILURE, reported as a reject and not handed on; after it, messages from another phone number
 * are treated the same way. Location reports, batch uploads, heartbeats and sub-packages are answered with OK and
 * handed on (sub-packages once joined); a terminal general response (0x0001) is handed on unanswered; other
 * terminal messages are answered UNSUPPORTED and handed on as {@link UnknownMessage}; a platform message (id
 * 0x8000 and up) is a reject. A frame whose body does not decode is answered BAD_MESSAGE; one whose header does not
 * read is only a reject. Reply serial numbers start at 0 and increase by one per reply.
 *
 * <p>Bad bytes never throw: they come back as rejects. {@link #onBytes} throws only for an {@code off}/{@code len}
 * outside the buffer, and passes on what the {@link Jt808Terminals} implementation throws (and an
 * {@link io.offsite.core.InvalidValueException} when it issues an auth code GBK cannot encode).
 *
 * <p>Stateful and not thread-safe: one per connection, fed from one thread at a time.
 */
public final class Jt808Session {
    private final Jt808Codec codec;
    private final Jt808Terminals terminals;
    private final Jt808FrameReader reader;
    private final Jt808Reassembler reassembler;
    private int nextSerial;
    private String authenticatedPhone;

    private Jt808Session(Builder b) {
        this.codec = b.codec;
        this.terminals = b.terminals;
        this.reader = Jt808FrameReader.forCodec(b.codec);
        this.reassembler = Jt808Reassembler.builder().clock(b.clock).maxPending(b.maxPendingMessages)
                .maxAge(b.subPackageMaxAge).build();
    }

    /** A builder for a session checking terminals with {@code terminals}. */
    public static Builder builder(Jt808Terminals terminals) {
        return new Builder(terminals);
    }

    /**
     * What a read produced.
     *
     * @param messages decoded messages to hand on, in stream order
     * @param replies  frames to write back to the terminal, in order
     * @param rejects  what was refused or skipped, each with its reason
     */
    public record Output(List<Jt808Message> messages, List<byte[]> replies, List<DeviceMessageException> rejects) {
        public Output {
            messages = List.copyOf(messages);
            replies = List.copyOf(replies);
            rejects = List.copyOf(rejects);
        }
    }

    /**
     * Takes the next bytes read from the connection.
     *
     * @throws IndexOutOfBoundsException when {@code off} and {@code len} do not lie within {@code buf}
     */
    public Output onBytes(byte[] buf, int off, int len) {
        Jt808FrameReader.Chunk chunk = reader.feed(buf, off, len);
        List<Jt808Message> messages = new ArrayList<>(chunk.frames().size());
        List<byte[]> replies = new ArrayList<>(chunk.frames().size());
        List<DeviceMessageException> rejects = new ArrayList<>(chunk.rejects());
        Jt808Header[] header = new Jt808Header[1];
        for (byte[] frame : chunk.frames()) {
            header[0] = null;
            Jt808Message m;
            try {
                m = codec.decode(frame, 0, frame.length, header);
            } catch (DeviceMessageException e) {
                rejects.add(e);
                if (header[0] != null && header[0].messageId() < 0x8000) {
                    replies.add(general(header[0], Jt808Result.BAD_MESSAGE));
                }
                continue;
            }
            handle(m, messages, replies, rejects);
        }
        return new Output(messages, replies, rejects);
    }

    /** Gives up sub-packaged messages waiting longer than the configured age; call it when the line is idle. */
    public List<DeviceMessageException> expire() {
        return reassembler.expire();
    }

    /** The phone number of the terminal once it authenticated on this connection. */
    public Optional<String> authenticatedPhone() {
        return Optional.ofNullable(authenticatedPhone);
    }

    private void handle(Jt808Message m, List<Jt808Message> messages, List<byte[]> replies,
                        List<DeviceMessageException> rejects) {
        Jt808Header h = m.header();
        String where = "jt808/session/0x" + Jt808Messages.hex4(h.messageId());
        if (h.messageId() >= 0x8000) {
            rejects.add(new DeviceMessageException(where, -1, -1, "platform message sent by terminal " + h.phone()));
            return;
        }
        if (m instanceof TerminalRegistration r) {
            Jt808Terminals.Registration outcome = terminals.register(r);
            replies.add(codec.encode(new RegistrationResponse(h.reply(Jt808Message.REGISTRATION_RESPONSE,
                    serial()), h.serial(), outcome.result(), outcome.authCode())));
            messages.add(r);
            return;
        }
        if (m instanceof TerminalAuthentication a) {
            if (terminals.authenticate(h.phone(), a.authCode())) {
                authenticatedPhone = h.phone();
                replies.add(general(h, Jt808Result.OK));
                messages.add(a);
            } else {
                replies.add(general(h, Jt808Result.FAILURE));
                rejects.add(new DeviceMessageException(where, -1, -1, "authentication refused for terminal "
                        + h.phone()));
            }
            return;
        }
        if (authenticatedPhone == null || !authenticatedPhone.equals(h.phone())) {
            replies.add(general(h, Jt808Result.FAILURE));
            rejects.add(new DeviceMessageException(where, -1, -1, authenticatedPhone == null
                    ? "terminal " + h.phone() + " has not authenticated on this connection"
                    : "terminal " + h.phone() + " differs from " + authenticatedPhone + " authenticated here"));
            return;
        }
        if (m instanceof SubPackage p) {
            replies.add(general(h, Jt808Result.OK));
            Jt808Reassembler.Step step = reassembler.accept(p);
            rejects.addAll(step.rejects());
            step.message().ifPresent(messages::add);
        } else if (m instanceof TerminalGeneralResponse) {
            messages.add(m);
        } else if (m instanceof UnknownMessage) {
            replies.add(general(h, Jt808Result.UNSUPPORTED));
            messages.add(m);
        } else {
            replies.add(general(h, Jt808Result.OK));
            messages.add(m);
        }
    }

    private byte[] general(Jt808Header answered, Jt808Result result) {
        return codec.encode(new PlatformGeneralResponse(answered.reply(Jt808Message.PLATFORM_GENERAL_RESPONSE,
                serial()), answered.serial(), answered.messageId(), result));
    }

    private int serial() {
        int s = nextSerial;
        nextSerial = (nextSerial + 1) & 0xFFFF;
        return s;
    }

    /** Options of a {@link Jt808Session}. */
    public static final class Builder {
        private final Jt808Terminals terminals;
        private Jt808Codec codec = Jt808Codec.create();
        private Clock clock = Clock.systemUTC();
        private int maxPendingMessages = Jt808Reassembler.DEFAULT_MAX_PENDING;
        private Duration subPackageMaxAge = Jt808Reassembler.DEFAULT_MAX_AGE;

        private Builder(Jt808Terminals terminals) {
            this.terminals = Objects.requireNonNull(terminals, "terminals");
        }

        /** The codec (and so the frame limits); default {@link Jt808Codec#create()}. Share one across sessions. */
        public Builder codec(Jt808Codec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /** The clock that times sub-package reassembly; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Sub-packaged messages held incomplete at once; see {@link Jt808Reassembler.Builder#maxPending(int)}. */
        public Builder maxPendingMessages(int messages) {
            Jt808Reassembler.builder().maxPending(messages);
            this.maxPendingMessages = messages;
            return this;
        }

        /** How long a sub-packaged message may wait; see {@link Jt808Reassembler.Builder#maxAge(Duration)}. */
        public Builder subPackageMaxAge(Duration age) {
            Jt808Reassembler.builder().maxAge(age);
            this.subPackageMaxAge = age;
            return this;
        }

        /** The session. */
        public Jt808Session build() {
            return new Jt808Session(this);
        }
    }
}
