package io.offsite.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.offsite.core.effect.DispatchOfficer;
import io.offsite.core.effect.EnforcementEffect;
import io.offsite.core.effect.EpisodeResolved;
import io.offsite.core.effect.RequestOwnerMove;
import io.offsite.geofence.EffectSink;
import io.offsite.geofence.GeofenceEngine;
import io.offsite.notify.Channel;
import io.offsite.notify.MessageStatus;
import io.offsite.notify.Outbox;
import io.offsite.notify.OutboxMessage;
import io.offsite.notify.OutgoingMessage;
import io.offsite.notify.spi.Gateway;
import io.offsite.notify.spi.SendResult;
import io.offsite.testkit.SettableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * The process the crash test kills: {@code cars} cars park in the Huangyan no-parking fence for 15 minutes of event
 * time (seen every 5 s); the engine runs on {@link JdbcEpisodeStore}, owner texts and officer dispatches go through an
 * {@link Outbox} on {@link JdbcOutboxStore}, and every {@link EpisodeResolved} is recorded in {@code crash_resolved}.
 * The SMS/officer gateway records each send in {@code crash_sends} (one row per idempotency key, as a provider that
 * honours the key; repeated attempts counted in {@code attempts}) and reports it delivered.
 *
 * <p>On start it does what a host does after a crash: replays its input from the store's watermark, and tells the
 * engine about every owner text the outbox holds as delivered. Prints {@code at <second>} after each step.
 *
 * <p>Arguments: JDBC URL, user, cars, last second.
 */
public final class CrashChild {
    /** Messages per dispatch round: at most one round is in flight when the process is killed. */
    static final int ROUND = 200;

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        int cars = Integer.parseInt(args[2]);
        int lastSecond = Integer.parseInt(args[3]);
        try (HikariDataSource ds = TestDatabases.pool(url, user)) {
            SettableClock clock = SettableClock.at(ParkingStreet.T0);
            OffsiteDatabase db = OffsiteDatabase.builder(ds).clock(clock).open();
            JdbcEpisodeStore store = JdbcEpisodeStore.create(db, "engine-1");
            long from = store.watermark();
            if (from != Long.MIN_VALUE) {
                clock.set(Instant.ofEpochMilli(from));
            }
            Gateway gateway = request -> record(ds, request.key());
            Outbox outbox = Outbox.builder(JdbcOutboxStore.create(db)).clock(clock)
                    .holder("crash-child-" + ProcessHandle.current().pid()).leaseDuration(Duration.ofSeconds(30)).maxBatch(ROUND)
                    .claimOnEnqueue(true)
                    .gateway(Channel.SMS, gateway).gateway(Channel.PUSH, gateway).build();
            EffectSink sink = new EffectSink() {
                @Override
                public void effect(EnforcementEffect e) {
                    if (e instanceof RequestOwnerMove r) {
                        outbox.enqueue(new OutgoingMessage("text/" + r.episodeId(), Channel.SMS, "13800000000",
                                "【黄岩综合执法】" + r.plate() + " 请于10分钟内驶离"));
                    } else if (e instanceof DispatchOfficer d) {
                        outbox.enqueue(new OutgoingMessage("dispatch/" + d.episodeId(), Channel.PUSH, "HYZF-1001",
                                "出警 " + d.subject()));
                    } else if (e instanceof EpisodeResolved r) {
                        resolved(ds, r.idempotencyKey());
                    }
                }

                @Override
                public void problem(String message) {
                    System.out.println("problem " + message);
                }
            };
            GeofenceEngine engine = ParkingStreet.engine(store, sink, clock);
            for (OutboxMessage m : outbox.messages(MessageStatus.DELIVERED)) {
                tellDelivered(engine, m);
            }
            for (int s = 0; s <= lastSecond; s += 5) {
                Instant t = ParkingStreet.T0.plusSeconds(s);
                if (t.toEpochMilli() < from) {
                    continue; // applied before the watermark: in the store already
                }
                clock.set(t);
                if (s <= 900) {
                    for (int car = 0; car < cars; car++) {
                        engine.submit(ParkingStreet.sighting(car, t));
                    }
                } else {
                    engine.tick();
                }
                if (s % 15 == 0) {
                    outbox.dispatchDue();
                    for (OutboxMessage m : outbox.messages(MessageStatus.DELIVERED)) {
                        tellDelivered(engine, m);
                    }
                }
                System.out.println("at " + s);
            }
            engine.checkpoint();
            outbox.dispatchDue();
            System.out.println("done");
        }
    }

    private static void tellDelivered(GeofenceEngine engine, OutboxMessage m) {
        if (m.key().startsWith("text/") && m.deliveredAt().isPresent()) {
            engine.ownerNotified(m.key().substring(5), m.deliveredAt().get());
        }
    }

    private static SendResult record(HikariDataSource ds, String key) {
        try (Connection c = ds.getConnection();
                PreparedStatement up = c.prepareStatement("UPDATE crash_sends SET attempts = attempts + 1 WHERE msg_key = ?")) {
            up.setString(1, key);
            if (up.executeUpdate() == 0) {
                try (PreparedStatement in = c.prepareStatement("INSERT INTO crash_sends (msg_key, attempts) VALUES (?, 1)")) {
                    in.setString(1, key);
                    in.executeUpdate();
                }
            }
            return SendResult.delivered("p-" + key);
        } catch (SQLException e) {
            return SendResult.retryable("recording gateway: " + e.getMessage());
        }
    }

    private static void resolved(HikariDataSource ds, String key) {
        try (Connection c = ds.getConnection();
                PreparedStatement in = c.prepareStatement("INSERT INTO crash_resolved (effect_key) VALUES (?)")) {
            in.setString(1, key);
            in.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("recording a resolved episode", e);
        }
    }
}
