package com.example.rental;

public enum MembershipLevel { BASIC, SILVER, GOLD }
