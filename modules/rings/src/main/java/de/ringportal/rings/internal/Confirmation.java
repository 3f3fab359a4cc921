package de.ringportal.rings.internal;

/**
 * The model of {@code confirm}: a question before a deletion, with the form that confirms it and a way back.
 *
 * @param frame    the internal area's frame around it, null on the administration pages
 * @param action   where the confirming form posts
 * @param cancel   where "Abbrechen" leads
 * @param yesLabel the confirming button's label
 */
record Confirmation(InternalFrame frame, String question, String explanation, String action, String cancel,
        String yesLabel) {
}
