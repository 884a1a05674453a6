package se.goteborg.vaksam.devstack;

import java.util.List;

/** The demo data that only the local run seeds (DESIGN.md, "Local demo data"). */
public final class DemoCredentials {

    public static final String HOTEL_MEMBER_KEY = "demo-hotel-key";
    public static final String TAXI_MEMBER_KEY = "demo-taxi-key";

    /** OAuth2 clients (client credentials, client_secret_basic); the secret is always {@code <client>-secret}. */
    public static final List<Client> CLIENTS = List.of(
            new Client("police-demo", "recipient POLICE"),
            new Client("mika-demo", "recipient MIKAMOTTAGNINGEN"),
            new Client("social-children-demo", "recipient SOCIAL_SERVICES_CHILDREN"),
            new Client("region-coordinators-demo", "recipient REGION_COORDINATORS"),
            new Client("lettings-demo", "recipient LETTINGS_GROUP, lettings register"),
            new Client("coordinator-demo", "Göteborg & Co coordinator"),
            new Client("auditor-demo", "auditor of the openings log (every organisation)"));

    /**
     * The TOTP secret of police-duty's authenticator, set up already by identity's demo (DemoTwoFactor); base32, as
     * authenticator apps take it. Public, for the demo only.
     */
    public static final String TWO_FACTOR_SECRET = "VAKSAMPOLICEDUTYDEMOTOTPSECRET22";

    /** People who log in through the browser at the gateway's pages; the password is always {@link #PASSWORD}. */
    public static final List<Person> PEOPLE = List.of(
            new Person("lettings-officer", "the lettings group: /lettings and its inbox: /inbox"),
            new Person("police-officer", "police inbox: /inbox"),
            new Person("mika-worker", "Mikamottagningen inbox: /inbox"),
            new Person("social-children-worker", "social services for children inbox: /inbox"),
            new Person("region-coordinator", "regional coordinators inbox: /inbox"),
            new Person("coordinator", "Göteborg & Co: /network"),
            new Person("auditor", "the openings log: /inbox/audit"),
            new Person("police-duty", "police, with a second factor: a code of the TOTP secret "
                    + TWO_FACTOR_SECRET + " (oathtool --totp -b " + TWO_FACTOR_SECRET + ")"),
            new Person("two-factor-trial", "the lettings group, for setting up a second factor at /account/two-factor"));

    public static final String PASSWORD = "demo";

    private DemoCredentials() {
    }

    public record Person(String username, String pages) {
    }

    public record Client(String clientId, String purpose) {

        public String secret() {
            return clientId + "-secret";
        }
    }
}
