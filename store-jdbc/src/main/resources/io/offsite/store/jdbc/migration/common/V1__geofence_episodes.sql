-- geofence: started episodes, subject/fence histories and the watermark of each engine (EpisodeStore).
-- engine_id names one engine (one shard of cameras); several engines may share the database.
CREATE TABLE geofence_episode (
    engine_id          VARCHAR(100)     NOT NULL,
    fence_id           VARCHAR(200)     NOT NULL,
    subject            VARCHAR(200)     NOT NULL,
    display            VARCHAR(200)     NOT NULL,
    display_confidence DOUBLE PRECISION NOT NULL,
    phase              VARCHAR(16)      NOT NULL,
    first_seen         BIGINT           NOT NULL,
    last_seen          BIGINT           NOT NULL,
    anchor_x           DOUBLE PRECISION NOT NULL,
    anchor_y           DOUBLE PRECISION NOT NULL,
    last_x             DOUBLE PRECISION NOT NULL,
    last_y             DOUBLE PRECISION NOT NULL,
    camera_id          VARCHAR(200)     NOT NULL,
    plate_legible      BOOLEAN          NOT NULL,
    steps_fired        INTEGER          NOT NULL,
    started_at         BIGINT           NOT NULL,
    next_step_at       BIGINT           NOT NULL,
    active_until       BIGINT           NOT NULL,
    repeat_count       INTEGER          NOT NULL,
    episode_id         VARCHAR(32)      NOT NULL,
    notice             VARCHAR(16)      NOT NULL,
    notice_at          BIGINT           NOT NULL,
    notice_detail      VARCHAR(2000)    NOT NULL,
    PRIMARY KEY (engine_id, fence_id, subject)
);

CREATE TABLE geofence_history (
    engine_id        VARCHAR(100) NOT NULL,
    history_key      VARCHAR(400) NOT NULL,
    warned_at        VARCHAR(100000) NOT NULL,
    notice_epoch_day BIGINT       NOT NULL,
    notices_that_day INTEGER      NOT NULL,
    PRIMARY KEY (engine_id, history_key)
);

CREATE TABLE geofence_watermark (
    engine_id VARCHAR(100) NOT NULL PRIMARY KEY,
    watermark BIGINT       NOT NULL
);
