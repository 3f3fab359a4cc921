package de.ringportal.admin.internal;

/** How the page treats a bundle. */
public enum Kind {
    /** The portal's core, accounts and this page: never stopped, updated or removed from here. */
    CORE("Kernbestandteil"),
    /** The framework and the libraries the portal runs on. */
    SYSTEM("System"),
    /** Installed from the deploy folder: the folder decides about updates and removal; stopping is fine. */
    DEPLOY("Deploy-Ordner"),
    /** A feature module: every action. */
    MODULE("Modul");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    boolean mayStartStop() {
        return this == MODULE || this == DEPLOY;
    }

    boolean mayChange() {
        return this == MODULE;
    }
}
