package com.example.rental;

public enum StaffRole { CLERK, MANAGER, OWNER }
