package se.goteborg.vaksam.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import se.goteborg.vaksam.bench.RegisterGenerator.District;
import se.goteborg.vaksam.bench.RegisterGenerator.Industry;
import se.goteborg.vaksam.bench.RegisterGenerator.Street;

/**
 * What {@link RegisterGenerator} draws from: Göteborg's districts with streets, postal codes and the city companies
 * that let premises there, the SNI 2007 codes of a city's shops and services with how common each is, and words for
 * made-up tenant names. Streets, postal areas and landlords are real; tenants are not.
 */
final class GothenburgData {

    private GothenburgData() {
    }

    private static final String HIGAB = "Higab AB";
    private static final String FAMILJEBOSTADER = "Familjebostäder i Göteborg AB";
    private static final String POSEIDON = "Bostads AB Poseidon";
    private static final String BOSTADSBOLAGET = "Bostadsbolaget i Göteborg AB";
    private static final String FRAMTIDEN = "Förvaltnings AB Framtiden";
    private static final String BYGGUTVECKLING = "Framtiden Byggutveckling AB";
    private static final String PARKERING = "Göteborgs Stads Parkering AB";
    private static final String FASTIGHETSNAMNDEN = "Fastighetsnämnden, Göteborgs Stad";
    private static final String GOT_EVENT = "Got Event AB";
    private static final String GARDSTEN = "Gårdstensbostäder AB";
    private static final String ALVSTRANDEN = "Älvstranden Utveckling AB";

    static final List<District> DISTRICTS = List.of(
            district("Inom Vallgraven", 70, "Göteborg",
                    streets("Kungsgatan|411 19|64", "Drottninggatan|411 14|60", "Södra Hamngatan|411 06|64",
                            "Östra Hamngatan|411 10|50", "Västra Hamngatan|411 17|30", "Magasinsgatan|411 18|30",
                            "Vallgatan|411 16|40", "Kyrkogatan|411 15|50", "Korsgatan|411 16|30",
                            "Kaserntorget|411 18|12", "Fredsgatan|411 07|12", "Kungstorget|411 17|16",
                            "Ekelundsgatan|411 18|12", "Östra Larmgatan|411 07|24", "Grönsakstorget|411 17|10",
                            "Postgatan|411 06|40"),
                    landlords(HIGAB, 6, PARKERING, 1, FASTIGHETSNAMNDEN, 1, FRAMTIDEN, 1),
                    places("Vallgravens", "Kungsgatans", "Hamngatans", "Stadens", "Kyrkogatans", "Domkyrkans")),
            district("Nordstaden", 30, "Göteborg",
                    streets("Nordstadstorget|411 05|12", "Spannmålsgatan|411 05|30", "Kronhusgatan|411 05|20",
                            "Köpmansgatan|411 13|30", "Norra Hamngatan|411 14|40", "Götgatan|411 05|20"),
                    landlords(HIGAB, 4, PARKERING, 1, FASTIGHETSNAMNDEN, 1),
                    places("Nordstans", "Nordstadens", "Kronhusets", "Brunnsparkens")),
            district("Lorensberg", 60, "Göteborg",
                    streets("Kungsportsavenyen|411 36|50", "Teatergatan|411 35|40", "Chalmersgatan|411 35|30",
                            "Vasaplatsen|411 34|16", "Götabergsgatan|411 34|40", "Engelbrektsgatan|411 37|80",
                            "Storgatan|411 38|60", "Parkgatan|411 38|50", "Kristinelundsgatan|411 37|20"),
                    landlords(HIGAB, 5, GOT_EVENT, 1, FASTIGHETSNAMNDEN, 1, FAMILJEBOSTADER, 1),
                    places("Avenyns", "Lorensbergs", "Teaterns", "Götaplatsens", "Vasaplatsens")),
            district("Vasastaden", 40, "Göteborg",
                    streets("Vasagatan|411 24|60", "Viktoriagatan|411 25|30", "Erik Dahlbergsgatan|411 26|40",
                            "Aschebergsgatan|411 27|50", "Föreningsgatan|411 27|30", "Kapellgatan|411 31|20",
                            "Hvitfeldtsplatsen|411 20|10"),
                    landlords(FAMILJEBOSTADER, 3, HIGAB, 2, POSEIDON, 1),
                    places("Vasa", "Vasastans", "Viktoria", "Aschebergs")),
            district("Heden", 40, "Göteborg",
                    streets("Stampgatan|411 01|60", "Polhemsplatsen|411 11|10", "Skånegatan|412 51|60",
                            "Södra Vägen|412 54|80", "Berzeliigatan|412 53|30", "Bohusgatan|411 39|30",
                            "Valhallagatan|412 51|12"),
                    landlords(FRAMTIDEN, 2, GOT_EVENT, 2, HIGAB, 2, PARKERING, 1),
                    places("Hedens", "Stampens", "Ullevi", "Gårda", "Skånegatans")),
            district("Haga", 40, "Göteborg",
                    streets("Haga Nygata|413 01|40", "Sprängkullsgatan|411 23|40", "Södra Allégatan|413 01|20",
                            "Landsvägsgatan|413 04|30", "Skanstorget|411 22|10", "Haga Östergata|413 01|30",
                            "Haga Kyrkogata|411 22|20"),
                    landlords(FAMILJEBOSTADER, 3, HIGAB, 2, POSEIDON, 1),
                    places("Haga", "Skansens", "Hagabadets", "Hagakyrkans")),
            district("Olivedal", 30, "Göteborg",
                    streets("Linnégatan|413 08|80", "Olivedalsgatan|413 10|30", "Nordhemsgatan|413 06|80",
                            "Prinsgatan|413 05|16", "Övre Husargatan|413 14|40", "Kastellgatan|413 07|20"),
                    landlords(POSEIDON, 3, FAMILJEBOSTADER, 2, HIGAB, 1),
                    places("Linné", "Linnéstadens", "Olivedals", "Slottsskogens", "Nordhems")),
            district("Masthugget", 30, "Göteborg",
                    streets("Andra Långgatan|413 27|50", "Tredje Långgatan|413 03|40", "Första Långgatan|413 27|40",
                            "Järntorget|413 04|10", "Masthuggstorget|413 18|10", "Fjärde Långgatan|413 27|40",
                            "Värmlandsgatan|413 28|30", "Masthamnsgatan|413 27|20"),
                    landlords(POSEIDON, 3, FAMILJEBOSTADER, 1, HIGAB, 1),
                    places("Masthuggets", "Järntorgets", "Långgatans", "Stigbergets")),
            district("Majorna", 320, "Göteborg",
                    streets("Karl Johansgatan|414 55|120", "Mariaplan|414 71|10", "Allmänna Vägen|414 60|50",
                            "Chapmans Torg|414 54|10", "Bangatan|414 64|60", "Godhemsgatan|414 68|60",
                            "Ostindiegatan|414 63|30", "Amiralitetsgatan|414 62|30"),
                    landlords(POSEIDON, 4, FAMILJEBOSTADER, 1, FASTIGHETSNAMNDEN, 1),
                    places("Majornas", "Mariaplans", "Chapmans", "Stigbergs", "Majvallens")),
            district("Kungsladugård", 160, "Göteborg",
                    streets("Kungsladugårdsgatan|414 76|60", "Kaptensgatan|414 75|30", "Slottsskogsgatan|414 64|80"),
                    landlords(POSEIDON, 3, FAMILJEBOSTADER, 1),
                    places("Kungsladugårds", "Mariaplans", "Sannegårdens")),
            district("Johanneberg", 40, "Göteborg",
                    streets("Eklandagatan|412 61|80", "Gibraltargatan|412 79|90", "Utlandagatan|412 61|30",
                            "Chalmersplatsen|412 58|6"),
                    landlords(FRAMTIDEN, 2, FAMILJEBOSTADER, 1, HIGAB, 1),
                    places("Johannebergs", "Eklanda", "Chalmers", "Landala")),
            district("Krokslätt", 30, "Göteborg",
                    streets("Mölndalsvägen|412 63|100", "Krokslätts Torg|412 64|8", "Fabriksgatan|412 50|40",
                            "Ebbe Lieberathsgatan|412 65|30"),
                    landlords(FRAMTIDEN, 2, FASTIGHETSNAMNDEN, 2, PARKERING, 1, HIGAB, 1),
                    places("Krokslätts", "Mölndalsvägens", "Fabrikens", "Liseberg")),
            district("Lunden", 70, "Göteborg",
                    streets("Redbergsvägen|416 65|30", "Danska Vägen|416 59|120", "Kålltorpsgatan|416 55|30",
                            "Olskrokstorget|416 65|10", "Munkebäckstorget|416 79|10"),
                    landlords(FAMILJEBOSTADER, 2, BOSTADSBOLAGET, 2, FRAMTIDEN, 1),
                    places("Redbergs", "Lundens", "Olskrokens", "Kålltorps", "Munkebäcks")),
            district("Gamlestaden", 760, "Göteborg",
                    streets("Gamlestadsvägen|415 11|40", "Gamlestads Torg|415 12|12", "Marieholmsgatan|415 02|60",
                            "Slakthusgatan|415 02|30", "Artillerigatan|415 03|30", "Holmvägen|415 05|40"),
                    landlords(BOSTADSBOLAGET, 3, BYGGUTVECKLING, 1, FASTIGHETSNAMNDEN, 1),
                    places("Gamlestadens", "Marieholms", "Säveåns", "Fabrikens")),
            district("Kortedala", 60, "Göteborg",
                    streets("Kortedala Torg|415 26|16", "Runstavsgatan|415 27|40", "Almanacksvägen|415 15|40",
                            "Januarigatan|415 06|30", "Beväringsgatan|415 05|40"),
                    landlords(BOSTADSBOLAGET, 3, FAMILJEBOSTADER, 1),
                    places("Kortedala", "Torpa", "Kvibergs", "Allhelgona")),
            district("Bergsjön", 40, "Göteborg",
                    streets("Rymdtorget|415 70|12", "Atmosfärgatan|415 79|20", "Galileis Gata|415 80|30",
                            "Kosmosgatan|415 73|20", "Siriusgatan|415 22|100"),
                    landlords(FAMILJEBOSTADER, 3, BOSTADSBOLAGET, 1, BYGGUTVECKLING, 1),
                    places("Bergsjöns", "Rymdtorgets", "Komettorgets", "Teleskop")),
            district("Angered", 50, "Angered",
                    streets("Angered Torg|424 65|16", "Angeredsvinkeln|424 65|20", "Lövgärdesvägen|424 38|30",
                            "Hjällbo Torg|424 33|10", "Rannebergsvägen|424 56|40", "Gårdstensvägen|424 58|30",
                            "Blåsvädersgatan|424 36|20"),
                    landlords(FAMILJEBOSTADER, 2, GARDSTEN, 2, FRAMTIDEN, 1, BOSTADSBOLAGET, 1),
                    places("Angereds", "Hjällbo", "Gårdstens", "Lövgärdets", "Rannebergens")),
            district("Hammarkullen", 10, "Angered",
                    streets("Hammarkulletorget|424 37|70", "Hammarkullegatan|424 37|40", "Tunnlandsgatan|424 39|40"),
                    landlords(BOSTADSBOLAGET, 2, FAMILJEBOSTADER, 1, BYGGUTVECKLING, 1),
                    places("Hammarkullens", "Hammarkulle", "Kullens")),
            district("Tingstadsvassen", 40, "Göteborg",
                    streets("Backavägen|417 05|20", "Hjalmar Brantingsgatan|417 05|40", "Deltavägen|417 05|20",
                            "Vågmästareplatsen|417 05|10", "Kvilletorget|417 06|10"),
                    landlords(HIGAB, 2, BOSTADSBOLAGET, 2, PARKERING, 1, FASTIGHETSNAMNDEN, 1),
                    places("Backa", "Backaplans", "Kvillebäckens", "Brantings")),
            district("Lundby", 40, "Göteborg",
                    streets("Wieselgrensplatsen|417 17|16", "Lundby Kyrkogata|417 02|30", "Eketrägatan|417 17|40"),
                    landlords(BOSTADSBOLAGET, 2, FAMILJEBOSTADER, 1),
                    places("Lundby", "Wieselgrens", "Kyrkbyns")),
            district("Eriksberg", 20, "Göteborg",
                    streets("Eriksbergstorget|417 64|20", "Sjöporten|417 64|10", "Vinkelgatan|417 64|20",
                            "Dockepiren|417 64|10"),
                    landlords(ALVSTRANDEN, 3, HIGAB, 1, POSEIDON, 1),
                    places("Eriksbergs", "Dockans", "Varvets", "Kranens")),
            district("Lindholmen", 40, "Göteborg",
                    streets("Lindholmsallén|417 55|60", "Lindholmspiren|417 56|12", "Lindholmsplatsen|417 56|10",
                            "Polstjärnegatan|417 56|20"),
                    landlords(ALVSTRANDEN, 2, HIGAB, 2, BOSTADSBOLAGET, 1),
                    places("Lindholmens", "Pirens", "Polstjärne", "Hisingens")),
            district("Biskopsgården", 60, "Göteborg",
                    streets("Vårväderstorget|418 32|12", "Friskväderstorget|418 37|10", "Långströmsgatan|418 70|40",
                            "Silvervägen|418 32|40"),
                    landlords(BOSTADSBOLAGET, 3, FAMILJEBOSTADER, 1),
                    places("Biskopsgårdens", "Vårväderns", "Svarte Mosse", "Friskväders")),
            district("Torslanda", 130, "Torslanda",
                    streets("Torslanda Torg|423 37|16", "Amhultsvägen|423 38|60"),
                    landlords(HIGAB, 1, BOSTADSBOLAGET, 1),
                    places("Torslanda", "Amhults", "Kvisljunge")),
            district("Järnbrott", 30, "Västra Frölunda",
                    streets("Frölunda Torg|421 42|20", "Marconigatan|421 44|40", "Näverlursgatan|421 44|40",
                            "Frölunda Smedjegata|421 42|20"),
                    landlords(FAMILJEBOSTADER, 2, POSEIDON, 2, FASTIGHETSNAMNDEN, 1),
                    places("Frölunda", "Järnbrotts", "Marconi", "Västra")),
            district("Tynnered", 20, "Västra Frölunda",
                    streets("Opaltorget|421 60|20", "Briljantgatan|421 49|40", "Grevegårdsvägen|421 61|140",
                            "Smaragdgatan|421 60|40"),
                    landlords(FAMILJEBOSTADER, 2, POSEIDON, 1, BOSTADSBOLAGET, 1),
                    places("Tynnereds", "Opalens", "Grevegårdens", "Kaverös")),
            district("Högsbo", 30, "Västra Frölunda",
                    streets("Victor Hasselblads Gata|421 31|30", "Gruvgatan|421 30|40",
                            "Olof Asklunds Gata|421 30|20", "Fältspatsgatan|421 30|20",
                            "Norra Långebergsgatan|421 32|20"),
                    landlords(FASTIGHETSNAMNDEN, 2, HIGAB, 2, PARKERING, 1),
                    places("Högsbo", "Sisjö", "Långebergs", "Gruvans")),
            district("Askim", 20, "Askim",
                    streets("Askims Torg|436 40|16", "Askims Stationsväg|436 40|30"),
                    landlords(HIGAB, 1, FAMILJEBOSTADER, 1),
                    places("Askims", "Hovås", "Sandsjöbacka")));

    /** Per thousand tenants; massage and body care (96.04) come to about three percent, beauty care four. */
    static final List<Industry> INDUSTRIES = List.of(
            industry("56.100", 130, "{place} Restaurang", "Restaurang {word}", "{word} Kök & Bar", "Pizzeria {word}",
                    "{place} Sushi", "Café {word}", "{word} Bistro", "{place} Kebab & Grill", "{word} Dumplings"),
            industry("56.300", 25, "{word} Bar", "{place} Pub", "{word} Cocktailbar"),
            industry("56.210", 10, "{place} Catering", "{word} Matsalar"),
            industry("10.710", 15, "{place} Bageri", "Konditori {word}", "{word} Surdegsbageri"),
            industry("47.111", 45, "{place} Livs", "{word} Mini Market", "{place} Matbutik", "{word} Orientlivs"),
            industry("47.260", 20, "{place} Kiosk & Tobak", "{word} Tobak"),
            industry("47.710", 40, "{word} Mode", "Butik {word}", "{place} Herrekipering", "{word} Barnkläder"),
            industry("47.750", 15, "{word} Kosmetik", "{place} Parfymeri"),
            industry("47.761", 15, "{place} Blommor", "Blomsterhandel {word}"),
            industry("47.610", 8, "{place} Bokhandel", "Antikvariat {word}"),
            industry("47.730", 8, "{place} Apotek"),
            industry("47.781", 12, "{place} Optik", "{word} Glasögon"),
            industry("47.791", 10, "{word} Second Hand", "{place} Vintage"),
            industry("96.021", 60, "Frisör {word}", "{place} Hårstudio", "Salong {word}", "{word} Barbershop"),
            industry("96.022", 40, "{word} Skönhet", "{place} Nagelstudio", "Beauty by {word}", "{word} Hudvård",
                    "{place} Fransar & Bryn"),
            industry("96.040", 30, "{place} Thaimassage", "{word} Massage & Spa", "Massageklinik {word}",
                    "{word} Kroppsvård", "{place} Spa & Relax", "{word} Massage", "{place} Kroppsterapi",
                    "{word} Friskvård"),
            industry("96.090", 10, "{word} Hälsostudio", "{place} Tatuering", "{word} Zonterapi"),
            // Tenants whose code says nothing of what they do: only a keyword in the name flags them.
            industry("93.130", 4, "{word} Relax & Wellness", "{place} Spa & Gym"),
            industry("86.905", 3, "{place} Massage & Rehab", "{word} Kroppsvård & Fysio"),
            industry("96.010", 10, "{place} Tvätt & Kem"),
            industry("95.230", 5, "{place} Skomakeri", "{word} Nyckel & Sko"),
            industry("93.130", 30, "{word} Gym", "{place} Träningscenter", "Crossfit {word}", "{word} Yoga"),
            industry("86.230", 30, "{place} Tandvård", "Tandläkare {word}"),
            industry("86.905", 15, "{place} Fysioterapi", "{word} Sjukgymnastik"),
            industry("86.211", 8, "{place} Läkarhus", "Vårdcentralen {word}"),
            industry("75.000", 5, "{place} Djurklinik"),
            industry("62.010", 35, "{word} IT-konsult", "{word} Data", "{word} Systemutveckling"),
            industry("69.201", 35, "{place} Redovisning", "{word} Ekonomi & Bokföring"),
            industry("69.101", 12, "Advokatfirman {word}"),
            industry("71.110", 12, "{word} Arkitekter"),
            industry("73.111", 10, "{word} Reklambyrå", "{word} Kommunikation"),
            industry("74.201", 8, "{place} Fotostudio", "{word} Foto"),
            industry("79.110", 8, "{place} Resebyrå", "{word} Resor"),
            industry("82.110", 10, "{word} Kontorsservice"),
            industry("45.200", 12, "{place} Bilverkstad", "{word} Däck & Service"),
            industry("55.101", 6, "Hotell {word}"),
            industry("55.201", 6, "{word} Vandrarhem", "{place} Hostel"),
            industry("90.010", 8, "{word} Teater", "{place} Scenkonst"),
            association("85.520", 12, "{place} Musikskola", "{word} Dansskola", "Kulturföreningen {word}"),
            association("85.100", 15, "Föräldrakooperativet {word}", "Förskolan {word}"),
            association("94.910", 8, "{place} Församling", "Föreningen {word} kyrka"),
            association("94.990", 12, "Föreningen {word}", "{place} Idrottsförening", "{place} Kvartersförening"),
            industry("93.290", 10, "{word} Bowling", "{place} Escape Room", "{word} Nattklubb"));

    static final List<String> WORDS = List.of("Nova", "Lyktan", "Ankaret", "Tranan", "Fyren", "Kajen", "Solrosen",
            "Lotus", "Orkidé", "Bambu", "Ekorren", "Kastanjen", "Linden", "Björken", "Sjöbris", "Norrsken", "Pärlan",
            "Kronan", "Hamnen", "Stjärnan", "Vågen", "Dalia", "Jasmin", "Saga", "Atlas", "Oliv", "Koriander",
            "Mynta", "Safir", "Azur", "Baltic", "Nordic", "Venus", "Oasen", "Linnea", "Smaragd", "Kompassen",
            "Seglet", "Skeppet", "Draken", "Aurora", "Fenix", "Cedern", "Magnolia", "Harmoni", "Balans", "Lugnet",
            "Zenit", "Ljuset", "Källan", "Bryggan", "Kvarnen", "Väven", "Tegel", "Mässing", "Koppar", "Silver",
            "Granen", "Eken", "Rönnen", "Vinden", "Måsen", "Lotsen", "Skutan", "Pilen", "Fjärilen", "Humlan",
            "Gläntan", "Torget", "Hörnet", "Gränden", "Valvet", "Porten", "Tornet", "Kupolen", "Albatross", "Kolibri");

    /** Made-up street names, only with {@code --bench}. */
    static final List<String> STREET_STEMS = List.of("Björk", "Ek", "Lönn", "Ask", "Rönn", "Hassel", "Sälg", "Al",
            "Lind", "Alm", "Gran", "Tall", "En", "Hägg", "Oxel", "Syren", "Fläder", "Vide", "Kastanj", "Bok", "Sjö",
            "Hamn", "Varvs", "Skepps", "Segel", "Ankar", "Fyr", "Kvarn", "Smedje", "Bruks", "Tegel", "Kopparslagare",
            "Glasmästare", "Bagare", "Skräddare", "Murare", "Timmermans", "Krukmakare", "Vävare", "Garvare",
            "Hertig", "Riddar", "Väpnare", "Borgmästare", "Rådmans", "Kyrko", "Skol", "Park", "Äng", "Hag", "Berg",
            "Dal", "Backe", "Å", "Kärr", "Mosse", "Sten", "Klint", "Hällar", "Udde");
    static final List<String> STREET_ENDINGS = List.of("gatan", "vägen", "gången", "stigen", "backen", "liden",
            "plan", "torget", "allén");

    private static District district(String area, int blocks, String city, List<Street> streets,
                                     List<String> landlords, List<String> places) {
        return new District(area, blocks, city, streets, landlords, places);
    }

    private static List<Street> streets(String... streets) {
        return Arrays.stream(streets).map(street -> street.split("\\|"))
                .map(parts -> new Street(parts[0], parts[1], Integer.parseInt(parts[2]))).toList();
    }

    /** Names with how many shares each has of the district's premises. */
    private static List<String> landlords(Object... nameAndShares) {
        List<String> weighted = new ArrayList<>();
        for (int i = 0; i < nameAndShares.length; i += 2) {
            for (int share = 0; share < (Integer) nameAndShares[i + 1]; share++) {
                weighted.add((String) nameAndShares[i]);
            }
        }
        return List.copyOf(weighted);
    }

    private static List<String> places(String... places) {
        return List.of(places);
    }

    private static Industry industry(String code, int weight, String... names) {
        return new Industry(code, weight, List.of(names), false);
    }

    private static Industry association(String code, int weight, String... names) {
        return new Industry(code, weight, List.of(names), true);
    }
}
