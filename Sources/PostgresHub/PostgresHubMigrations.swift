/// The hub database's tables, one numbered migration after another; a migration once shipped never changes.
enum PostgresHubMigrations {
    static let all: [(version: Int, statements: [String])] = [
        (
            1,
            [
                // The event as stations take it (without its delegates), and the roster's revision.
                "CREATE TABLE hub_event (id integer PRIMARY KEY CHECK (id = 1), package text NOT NULL, roster_revision bigint NOT NULL)",
                "CREATE TABLE hub_delegate (reference text PRIMARY KEY, body text NOT NULL)",
                // The merged on-site log: each entry once, in the order the hubs took them.
                "CREATE TABLE hub_entry (position bigserial PRIMARY KEY, id uuid NOT NULL UNIQUE, station text NOT NULL, body text NOT NULL)",
                // The stations heard from, at any hub, and how far each has pulled.
                "CREATE TABLE hub_station (station text PRIMARY KEY, last_contact timestamptz NOT NULL, pulled bigint NOT NULL)",
                // Station tokens made at any hub, as hashes.
                "CREATE TABLE hub_token (secret_hash text PRIMARY KEY, station text NOT NULL, revoked boolean NOT NULL)",
            ]
        ),
        (
            2,
            [
                // The pulls from the registration system, whichever hub made them: the validators of the copy last
                // taken, and the last pull as JSON.
                "CREATE TABLE hub_upstream (source text PRIMARY KEY, etag text, last_modified text, last_pull text NOT NULL)"
            ]
        ),
        (
            3,
            [
                // Each station's own number for its entries, to tell whether the hubs hold all of them.
                "ALTER TABLE hub_entry ADD COLUMN sequence bigint",
                "UPDATE hub_entry SET sequence = (body::jsonb ->> 'sequence')::bigint",
                "CREATE INDEX hub_entry_station_sequence ON hub_entry (station, sequence)",
            ]
        ),
        (
            4,
            [
                // Staff accounts made at any hub (password hashes only), the latest change of each winning; and every
                // kind of token, not only stations', with its member's role.
                """
                CREATE TABLE hub_staff (name text PRIMARY KEY, role text NOT NULL, password_hash text NOT NULL,
                    must_change_password boolean NOT NULL, created_at timestamptz NOT NULL, revoked_at timestamptz,
                    changed_at timestamptz NOT NULL)
                """,
                "ALTER TABLE hub_token ADD COLUMN role text NOT NULL DEFAULT 'station'",
            ]
        ),
    ]
}
