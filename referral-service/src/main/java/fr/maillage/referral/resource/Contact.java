package fr.maillage.referral.resource;

/**
 * How to reach a resource (the service's own desk, never a person's details); every part optional.
 *
 * @param address postal address as one line of text
 */
public record Contact(String phone, String email, String website, String address) {

    public Contact {
        phone = ResourceDescription.clean(phone);
        email = ResourceDescription.clean(email);
        website = ResourceDescription.clean(website);
        address = ResourceDescription.clean(address);
    }

    /** Nothing to say: kept as no contact at all. */
    boolean isEmpty() {
        return phone == null && email == null && website == null && address == null;
    }
}
