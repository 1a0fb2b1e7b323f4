package com.example.rental;

public enum PaymentStatus { PENDING, COLLECTED, FAILED, REFUNDED }
