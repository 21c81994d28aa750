package fr.maillage.alert.alert;

/** How the emitter was told what happened (retour d'information). */
public enum FeedbackChannel {
    PHONE,
    EMAIL,
    SECURE_MESSAGING,
    LETTER,
    IN_PERSON,
    PARTNER_API
}
