package com.example.rental;

import dev.schemacode.annotations.*;

@Table
public record FilmActor(
    @Id @References(value = Actor.class, onDelete = ReferentialAction.CASCADE) long actorId,
    @Id @References(value = Film.class, onDelete = ReferentialAction.CASCADE, onUpdate = ReferentialAction.CASCADE) long filmId) {}
