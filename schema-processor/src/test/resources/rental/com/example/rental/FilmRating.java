package com.example.rental;

import dev.schemacode.annotations.PgEnum;

@PgEnum(name = "mpaa_rating")
public enum FilmRating { G, PG, PG_13, R, NC_17 }
