package io.offsite.server;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the server is started. Each option comes, in order of precedence, from the command line, the environment
 * ({@code OFFSITE_PORT}, {@code OFFSITE_DATA}, ...), the YAML file named by {@code --config}, or the default.
 *
 * @param port HTTP port (0 = any free port)
 * @param dataDir where the embedded H2 database, evidence blobs, grid and fences live
 * @param demo run the Huangyan demo street on an accelerated clock
 * @param manualClock the engine's clock is set by {@code POST /api/v1/admin/clock} instead of the system clock
 * @param tokenFile file of {@code role sha256-hex} lines; empty = generate one token per role and print them
 * @param maxBodyBytes largest request body accepted (larger → 413 problem)
 * @param jdbcUrl PostgreSQL (or H2 server) URL; empty = embedded H2 in {@code dataDir}
 * @param jdbcUser database user
 * @param jdbcPassword database password (never logged)
 * @param smsUrl HTTP SMS gateway endpoint; empty = the simulated gateway
 * @param speakerUrl HTTP camera-speaker gateway (plays loudspeaker warnings, {@code ${to}} = camera id); empty =
 *                   simulated
 * @param cameras camera ids accepted besides the demo's (GB/T 28181, 20 digits)
 * @param demoSpeed how many times faster than real time the demo clock runs
 * @param isapiSites cameras that push ISAPI alerts: {@code "<ip>/<channel> <camera id> <lon> <lat>"} each, optionally
 *                   followed by {@code <recorder ip>/<channel>} (the NVR that records it)
 * @param officerPhones officers' mobile numbers for dispatch texts: {@code "<officer id> <phone>"} each
 * @param isapiUser user for fetching live pictures from the ISAPI cameras and recorded stills and clips from their
 *                  recorders (empty = no fetch)
 * @param isapiPassword its password (never logged)
 * @param jt808Port TCP port of the JT/T 808 listener for truck GPS terminals (0 = any free port, -1 = off; the
 *                  demo starts one on a free port unless set)
 * @param outboxRetention how long delivered and dead-lettered texts stay in the outbox table after their outcome
 *                        (ISO-8601, at least a day; empty = kept for ever, the default): a retention period for SMS
 *                        records is the bureau's decision. A case's chain keeps its own copy of the owner's text
 */
record ServerOptions(int port, Path dataDir, boolean demo, boolean manualClock, Optional<Path> tokenFile,
        long maxBodyBytes, String jdbcUrl, String jdbcUser, String jdbcPassword, String smsUrl, String speakerUrl,
        List<String> cameras,
        double demoSpeed, List<String> isapiSites, List<String> officerPhones, int jt808Port,
        String isapiUser, String isapiPassword, Optional<Duration> outboxRetention) {

    static final String USAGE = """
            usage: java -jar offsite-server.jar [--port N] [--data DIR] [--demo] [--clock system|manual]
                                                [--token-file FILE] [--config FILE] [--jt808-port N]
              every option also from the environment: OFFSITE_PORT, OFFSITE_JT808_PORT, OFFSITE_DATA, OFFSITE_DEMO=true,
              OFFSITE_CLOCK, OFFSITE_TOKEN_FILE, OFFSITE_CONFIG, OFFSITE_SMS_URL, OFFSITE_CAMERAS (comma-separated),
              OFFSITE_DATABASE_URL/_USER/_PASSWORD, OFFSITE_MAX_BODY_BYTES; the YAML file may also set
              max-body-bytes, database.url/user/password, sms.url, speaker.url, cameras (list), demo-speed,
              isapi-sites (list of '<ip>/<channel> <camera id> <lon> <lat> [<recorder ip>/<channel>]'),
              isapi.user/password (live pictures from those cameras, recorded stills and clips from their recorders;
              also OFFSITE_ISAPI_USER/_PASSWORD),
              officer-phones (list of '<officer id> <phone>'), outbox-retention (ISO-8601 such as P180D, or keep:
              the default; also OFFSITE_OUTBOX_RETENTION)""";

    ServerOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (jt808Port < -1 || jt808Port > 65_535) {
            throw new IllegalArgumentException("jt808-port must be -1 (off) or 0..65535, got " + jt808Port);
        }
        if (maxBodyBytes < 1_024) {
            throw new IllegalArgumentException("max-body-bytes must be at least 1024, got " + maxBodyBytes);
        }
        if (!(demoSpeed >= 1 && demoSpeed <= 600)) {
            throw new IllegalArgumentException("demo-speed must be 1..600, got " + demoSpeed);
        }
        java.util.Objects.requireNonNull(outboxRetention, "outboxRetention");
        if (outboxRetention.isPresent() && outboxRetention.get().compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("outbox-retention must be at least a day (P1D), got "
                    + outboxRetention.get() + ": texts are read back for cases and restarts after their outcome");
        }
        cameras = List.copyOf(cameras);
        isapiSites = List.copyOf(isapiSites);
        officerPhones = List.copyOf(officerPhones);
        for (String line : officerPhones) {
            if (!line.trim().matches("\\S+\\s+\\+?\\d{5,15}")) {
                throw new IllegalArgumentException("officer-phones: expected '<officer id> <phone>', got '" + line + "'");
            }
        }
    }

    /** The officer phone book from {@link #officerPhones()}. */
    java.util.Map<io.offsite.core.grid.OfficerId, String> officerPhoneBook() {
        java.util.Map<io.offsite.core.grid.OfficerId, String> m = new java.util.HashMap<>();
        for (String line : officerPhones) {
            String[] w = line.trim().split("\\s+");
            m.put(io.offsite.core.grid.OfficerId.of(w[0]), w[1]);
        }
        return m;
    }

    /** Duration the demo clock advances per real second. */
    Duration demoStep() {
        return Duration.ofMillis(Math.round(demoSpeed * 1_000));
    }

    /** Reads the options; an unknown or malformed option is an {@link IllegalArgumentException} naming it. */
    static ServerOptions parse(String[] args, Map<String, String> env) {
        Map<String, String> cli = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--demo" -> cli.put("demo", "true");
                case "--port", "--data", "--clock", "--token-file", "--config", "--jt808-port" -> {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    cli.put(a.substring(2), args[++i]);
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        Config file = Optional.ofNullable(cli.get("config")).or(() -> Optional.ofNullable(env.get("OFFSITE_CONFIG")))
                .map(ServerOptions::yaml).orElse(Config.empty());
        String port = pick(cli, env, file, "port", "8080");
        String clock = pick(cli, env, file, "clock", "system").toLowerCase(Locale.ROOT);
        if (!clock.equals("system") && !clock.equals("manual")) {
            throw new IllegalArgumentException("--clock must be system or manual, got " + clock);
        }
        List<String> cameras = new ArrayList<>(file.get("cameras").asList(String.class).orElse(List.of()));
        String envCameras = env.get("OFFSITE_CAMERAS");
        if (envCameras != null && !envCameras.isBlank()) {
            cameras.addAll(List.of(envCameras.trim().split("[,\\s]+")));
        }
        return new ServerOptions(integer("port", port), Path.of(pick(cli, env, file, "data", "offsite-data")),
                Boolean.parseBoolean(pick(cli, env, file, "demo", "false")), clock.equals("manual"),
                Optional.ofNullable(pick(cli, env, file, "token-file", null)).map(Path::of),
                integer("max-body-bytes", pick(cli, env, file, "max-body-bytes", "5242880")),
                pick(cli, env, file, "database.url", ""), pick(cli, env, file, "database.user", ""),
                pick(cli, env, file, "database.password", ""), pick(cli, env, file, "sms.url", ""),
                pick(cli, env, file, "speaker.url", ""), cameras,
                decimal("demo-speed", pick(cli, env, file, "demo-speed", "30")),
                file.get("isapi-sites").asList(String.class).orElse(List.of()),
                file.get("officer-phones").asList(String.class).orElse(List.of()),
                integer("jt808-port", pick(cli, env, file, "jt808-port", "-1")),
                pick(cli, env, file, "isapi.user", ""), pick(cli, env, file, "isapi.password", ""),
                retention(pick(cli, env, file, "outbox-retention", "keep")));
    }

    /** {@code keep} (or blank) = empty; otherwise an ISO-8601 duration such as {@code P180D}. */
    private static Optional<Duration> retention(String v) {
        if (v.isBlank() || v.trim().equalsIgnoreCase("keep")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.parse(v.trim()));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("outbox-retention must be keep or an ISO-8601 duration such as P180D,"
                    + " got '" + v + "'", e);
        }
    }

    private static Config yaml(String path) {
        Path p = Path.of(path);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("--config " + path + ": no such file");
        }
        return Config.just(ConfigSources.file(p));
    }

    private static String pick(Map<String, String> cli, Map<String, String> env, Config file, String key, String dflt) {
        String v = cli.get(key);
        if (v == null) {
            v = env.get("OFFSITE_" + key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_'));
        }
        if (v == null) {
            v = file.get(key).asString().orElse(null);
        }
        return v == null ? dflt : v;
    }

    private static int integer(String name, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'", e);
        }
    }

    private static double decimal(String name, String v) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, got '" + v + "'", e);
        }
    }
}
