package fr.maillage.referral.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordsTests {

    @Test
    void accentsAndCaseAreIgnored() {
        assertThat(Keywords.tokens("Isère")).containsExactly("isere");
        assertThat(Keywords.tokens("ISÈRE")).containsExactly("isere");
        assertThat(Keywords.tokens("isere")).containsExactly("isere");
        assertThat(Keywords.tokens("Hôpital Général Évêché ÇA")).containsExactly("hopital", "general", "eveche", "ca");
    }

    @Test
    void ligaturesAreSpeltOut() {
        assertThat(Keywords.tokens("Cœur ŒUVRE Æsthète Straße"))
                .containsExactly("coeur", "oeuvre", "aesthete", "strasse");
    }

    @Test
    void punctuationSplitsAndIsDropped() {
        assertThat(Keywords.tokens("CMP (adultes), secteur 38G12; accueil: sans RDV!"))
                .containsExactly("cmp", "adultes", "secteur", "38g12", "accueil", "sans", "rdv");
        assertThat(Keywords.tokens("WORKSHOP_PROGRAMME")).containsExactly("workshop", "programme");
    }

    @Test
    void elisionsBeforeAnApostropheAreDroppedWhateverTheApostrophe() {
        assertThat(Keywords.tokens("l'Isère")).containsExactly("isere");
        assertThat(Keywords.tokens("l’Isère")).containsExactly("isere");
        assertThat(Keywords.tokens("Maison d'accueil jusqu'à 25 ans, qu'il soit"))
                .containsExactly("maison", "accueil", "25", "ans", "il", "soit");
        // Not an elision: a word that happens to end before an apostrophe is kept.
        assertThat(Keywords.tokens("aujourd'hui")).containsExactly("aujourd", "hui");
    }

    @Test
    void hyphenatedCommunesGiveTheirParts() {
        assertThat(Keywords.tokens("Saint-Étienne-de-Saint-Geoirs")).containsExactly("saint", "etienne", "geoirs");
        assertThat(Keywords.tokens("La Côte-Saint-André")).containsExactly("cote", "saint", "andre");
    }

    @Test
    void commonArticlesMeanNothingOnEitherSide() {
        assertThat(Keywords.tokens("Centre médico-psychologique de la Bièvre"))
                .containsExactly("centre", "medico", "psychologique", "bievre");
        assertThat(Keywords.tokens("le la les de du des et")).isEmpty();
    }

    @Test
    void nothingToSearchIsNoToken() {
        assertThat(Keywords.tokens(null)).isEmpty();
        assertThat(Keywords.tokens("   ")).isEmpty();
        assertThat(Keywords.tokens("'-_.,;!")).isEmpty();
        assertThat(Keywords.normalise(null)).isEmpty();
    }

    @Test
    void queryTokensKeepTheirOrderWithoutRepeats() {
        assertThat(Keywords.tokens("psy adulte psy")).containsExactly("psy", "adulte");
    }

    @Test
    void aResourcesKeywordsAreTheSortedUnionOfItsTexts() {
        assertThat(Keywords.of(Arrays.asList("CMP Adultes de l'Isère", "CMP", null, "français", "arabe")))
                .containsExactly("adultes", "arabe", "cmp", "francais", "isere");
        assertThat(Keywords.of(List.of())).isEmpty();
    }

    @Test
    void aQueryMatchesTheKeywordsOfTheSameWordsWrittenDifferently() {
        List<String> keywords =
                Keywords.of(List.of("Centre médico-psychologique de l'Isère (Saint-Étienne-de-Saint-Geoirs)"));

        for (String query :
                List.of("isere", "ISÈRE", "l’isère", "saint-etienne", "Saint Étienne", "medico psychologique")) {
            assertThat(keywords).as(query).containsAll(Keywords.tokens(query));
        }
    }
}
