package com.example.rental;

import dev.schemacode.annotations.*;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Table(schema = "audit")
@Comment("Who did what, when")
@Index(columns = "payload", using = "gin")
public record AuditLog(
    @Id @Default("gen_random_uuid()") UUID id,
    String action,
    @Json String payload,
    @Default("now()") OffsetDateTime at,
    @Nullable @Column(type = "inet") String clientIp,
    long[] touchedIds) {}
