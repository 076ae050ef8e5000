package io.consentgateway.sandbox.core;

import io.consentgateway.sandbox.core.SyntheticLedger.Bank;
import io.consentgateway.sandbox.core.SyntheticLedger.Profile;
import io.consentgateway.sandbox.core.SyntheticLedger.Recurring;
import java.util.List;

/** The two data profiles: German accounts for nrich, Slovak accounts for the bank. All names are fictional. */
public final class Profiles {

    private Profiles() {
    }

    public static final Profile GERMANY = new Profile("DE", "EUR", "",
            List.of(new Bank("Spreebank Berlin", "10020030", "SPRBDEB1XXX"),
                    new Bank("Isar Sparkasse", "70050060", "ISARDEM1XXX"),
                    new Bank("Hanse Volksbank", "20030040", "HNSVDEH1XXX"),
                    new Bank("Rheinische Direktbank", "37040050", "RHDBDED1XXX")),
            List.of("Girokonto", "Gemeinschaftskonto", "Haushaltskonto"),
            List.of("Anna", "Jonas", "Leonie", "Felix", "Mia", "Paul", "Emma", "Lukas"),
            List.of("Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Wagner", "Krüger"),
            List.of("Frischmarkt Nord", "Bäckerei Korn", "Kiezkino", "Tankstelle am Ring", "Drogerie Lindner",
                    "Buchhandlung Seitenweise", "Café Mühle", "Stadtbahn Ticket", "Elektro Funke", "Wochenmarkt Stand 7"),
            List.of(new Recurring("Wohnbau Musterstadt GmbH", "Rent", "Dauerauftrag", 1, 780, 781, false),
                    new Recurring("Stadtwerke Musterstadt", "Utilities", "Lastschrift", 3, 85, 110, false),
                    new Recurring("Funkfix Mobilfunk", "Phone", "Lastschrift", 8, 19, 30, false),
                    new Recurring("Streamhaus Video", "Entertainment", "Lastschrift", 12, 12, 13, false),
                    new Recurring("Nordlicht Versicherung AG", "Insurance", "Lastschrift", 15, 42, 43, false),
                    new Recurring("Fitwerk Studio", "Leisure", "Lastschrift", 20, 29, 30, false)),
            new Recurring("Beispiel Software GmbH", "Salary", "Lohn/Gehalt", 27, 2900, 3300, true),
            new Recurring("Familienkasse Musterstadt", "Benefits", "Gutschrift", 5, 250, 251, true));

    public static final Profile SLOVAKIA = new Profile("SK", "EUR", "000000",
            List.of(new Bank("Tatra banka (sandbox)", "1100", "TATRSKBX")),
            List.of("Bežný účet", "Sporiaci účet", "Účet pre domácnosť"),
            List.of("Ján", "Mária", "Peter", "Zuzana", "Martin", "Jana", "Tomáš"),
            List.of("Novák", "Kováč", "Horváth", "Varga", "Tóth", "Baláž"),
            List.of("Potraviny Pod Hradom", "Pekáreň Klások", "Mestská doprava", "Benzínka Dunaj", "Kino Úsmev",
                    "Kníhkupectvo Strana", "Kaviareň Mlyn", "Drogéria Lipa"),
            List.of(new Recurring("Bytové družstvo Dunaj", "Rent", "Trvalý príkaz", 1, 620, 621, false),
                    new Recurring("Energie Západ a.s.", "Utilities", "Inkaso", 4, 70, 95, false),
                    new Recurring("Mobil Plus", "Phone", "Inkaso", 9, 15, 25, false),
                    new Recurring("Poisťovňa Tatry", "Insurance", "Inkaso", 16, 30, 31, false)),
            new Recurring("Vzorová Firma s.r.o.", "Salary", "Mzda", 25, 1700, 2100, true),
            new Recurring("Sociálna poisťovňa", "Benefits", "Príjem", 6, 120, 121, true));
}
