package fr.maillage.platform.web.testapp;

public enum Colour {
    RED,
    GREEN,
    BLUE
}
