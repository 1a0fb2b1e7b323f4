package com.example.rental;

import dev.schemacode.annotations.*;
import org.jspecify.annotations.Nullable;

@Table
public class Category {
  @Id short id;
  @Unique String name;
  @Nullable @References(value = Category.class, onDelete = ReferentialAction.SET_NULL) Short parentId;
}
