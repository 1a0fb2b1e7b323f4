package com.example.rental;

import dev.schemacode.annotations.*;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

@Table
@Comment("Films in the catalogue")
public class Film extends BaseEntity {
  @Comment("Title as shown to customers") String title;
  @Nullable String description;
  @Check("release_year BETWEEN 1888 AND 2100") int releaseYear;
  @References(Language.class) int languageId;
  Duration length;
  @Column(precision = 4, scale = 2) @Default("4.99") BigDecimal rentalRate;
  @Default("'G'") FilmRating rating;
  String[] specialFeatures;
  @Json @Index(using = "gin") Map<String, Object> metadata;
  double averageScore;
}
