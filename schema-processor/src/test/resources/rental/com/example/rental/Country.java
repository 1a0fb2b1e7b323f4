package com.example.rental;

import dev.schemacode.annotations.*;

@Table(schema = "ref")
@Comment("ISO 3166 countries")
public record Country(@Id @Column(length = 2) String code, @Unique String name) {}
