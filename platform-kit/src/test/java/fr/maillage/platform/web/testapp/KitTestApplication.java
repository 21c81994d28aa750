package fr.maillage.platform.web.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Scans only this package: the kit itself comes in through its auto-configurations. */
@SpringBootApplication
public class KitTestApplication {}
