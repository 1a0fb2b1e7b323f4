package com.example.rental;

import dev.schemacode.annotations.*;

@Table
public class FilmCategory {
  @Id @References(value = Film.class, onDelete = ReferentialAction.CASCADE) long filmId;
  @Id @References(Category.class) short categoryId;
}
