"""Locale-appropriate parts of organisation and person names for the demo ecosystem.

Written for this project: common first names and family names per language (transliterated to
the Latin script for Greek and Bulgarian), a few local words that suit a security company's
name (shield, watchman, fortress, key, lighthouse…), local words for the company's trade, and
the usual legal forms of each EU-27 country, name templates for universities, research
centres, public bodies… and telephone formats. Combined at random by ``Namer`` they give names
that look plausible and belong to no real organisation in particular; ``slugify`` turns a name
into the ASCII slug used for keys and web addresses.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from random import Random

from .places import COUNTRY_NAMES, City


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    first_male: tuple[str, ...]
    first_female: tuple[str, ...]
    # Family names; "Male|Female" where the female form differs (Slavic, Baltic, Greek…).
    last: tuple[str, ...]
    # Local words for a security brand (shield, guard, fortress, key…).
    nouns: tuple[str, ...]
    # Local words for the company's trade ("Security", "Systems", "Consulting"…).
    trades: tuple[str, ...]
    # Patterns for local company names; fields: {noun} {trade} {surname} {surname2} {city}
    # {place} (a regional name) {brand} (an invented brand).
    patterns: tuple[str, ...]
    family_name_first: bool = False


def _t(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


LANGUAGES: dict[str, Language] = {}


def _lang(
    code: str,
    males: str,
    females: str,
    lasts: str,
    nouns: str,
    trades: str,
    patterns: tuple[str, ...],
    family_name_first: bool = False,
) -> None:
    LANGUAGES[code] = Language(
        code,
        _t(males),
        _t(females),
        _t(lasts),
        _t(nouns),
        _t(trades),
        tuple(patterns),
        family_name_first,
    )


_lang(
    "fr",
    "Jean, Pierre, Nicolas, Thomas, Julien, Antoine, Maxime, Yann, Erwan, Loïc, Mathieu, "
    "Sébastien, Romain, Alexandre, Hugo, Louis, Arnaud, Olivier, Guillaume, Benoît, Damien, Cédric",
    "Marie, Sophie, Camille, Julie, Claire, Anne, Nathalie, Isabelle, Élodie, Manon, Léa, Chloé, "
    "Aurélie, Gaëlle, Céline, Émilie, Sandrine, Laure, Sarah, Hélène, Margaux, Pauline",
    "Martin, Bernard, Dubois, Thomas, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, "
    "Laurent, Lefebvre, Michel, Garcia, David, Bertrand, Roux, Vincent, Fournier, Morel, Girard, "
    "André, Mercier, Dupont, Lambert, Bonnet, François, Fontaine, Chevalier, Rousseau, Blanc",
    "Rempart, Bouclier, Vigie, Sentinelle, Citadelle, Bastion, Égide, Phare, Sceau, Veilleur, "
    "Donjon, Clef, Créneau, Herse, Boussole, Balise",
    "Sécurité, Informatique, Conseil, Numérique, Systèmes, Technologies, Ingénierie, Solutions, "
    "Cyberdéfense, Services, Réseaux, Audit",
    (
        "{noun} {trade}",
        "{noun} {trade}",
        "{surname} {trade}",
        "{surname} & Associés",
        "Cabinet {surname}",
        "Groupe {surname}",
        "{brand} {trade}",
        "{place} {trade}",
        "{noun} {place}",
    ),
)
_lang(
    "nl",
    "Jan, Pieter, Thomas, Lucas, Bram, Daan, Sander, Joris, Wouter, Stijn, Koen, Bart, Tom, "
    "Jeroen, Maarten, Ruben, Niels, Jasper, Dries, Pieterjan",
    "Anna, Emma, Sophie, Lotte, Eva, Sanne, Lisa, Femke, Inge, Marieke, Els, Katrien, An, Lies, "
    "Julie, Laura, Noor, Fleur, Sofie, Hanne",
    "de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, Meijer, "
    "de Boer, Mulder, de Groot, Bos, Vos, Peeters, Maes, Jacobs, Mertens, Willems, Claes, "
    "Goossens, Wouters, De Smet, Van de Velde, Hendrickx, Dubois, Lambrechts",
    "Schild, Wacht, Burcht, Baken, Sleutel, Vesting, Toren, Slot, Zegel, Wachter, Vuurtoren, "
    "Dijk, Bolwerk, Kompas",
    "Beveiliging, Systemen, Advies, Digitaal, Technologie, Informatica, Oplossingen, Netwerken, "
    "Security, Consultancy",
    (
        "{noun} {trade}",
        "{noun}{trade_lower}",
        "{surname} {trade}",
        "{surname} & Partners",
        "{brand} {trade}",
        "{place} {trade}",
    ),
)
_lang(
    "de",
    "Lukas, Jonas, Felix, Maximilian, Tobias, Florian, Stefan, Michael, Andreas, Thomas, "
    "Christian, Markus, Sebastian, Daniel, Jan, Matthias, Alexander, Philipp, Johannes, Moritz",
    "Anna, Laura, Julia, Lena, Katharina, Sarah, Lisa, Sabine, Claudia, Stefanie, Johanna, "
    "Miriam, Franziska, Nina, Jana, Hannah, Sophie, Carina, Theresa, Verena",
    "Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, "
    "Schäfer, Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, Braun, "
    "Krüger, Hofmann, Hartmann, Lange, Huber, Gruber, Wimmer, Berger, Fuchs, Vogel, Keller",
    "Schild, Wächter, Burg, Festung, Schlüssel, Riegel, Leuchtturm, Wacht, Bollwerk, Siegel, "
    "Anker, Turm, Zinne, Kompass",
    "Sicherheit, Systeme, Informatik, Technologie, Beratung, Netzwerke, Lösungen, Datenschutz, "
    "Software, Security, IT-Sicherheit",
    (
        "{noun} {trade}",
        "{surname} {trade}",
        "{surname} & {surname2}",
        "{brand} {trade}",
        "{place} {trade}",
    ),
)
_lang(
    "it",
    "Marco, Luca, Andrea, Francesco, Alessandro, Matteo, Lorenzo, Davide, Simone, Federico, "
    "Giovanni, Stefano, Paolo, Riccardo, Niccolò, Tommaso, Giacomo, Filippo, Leonardo, Pietro",
    "Giulia, Francesca, Chiara, Sara, Martina, Elena, Alessia, Valentina, Silvia, Laura, "
    "Federica, Beatrice, Caterina, Arianna, Elisa, Irene, Marta, Lucia, Benedetta, Costanza",
    "Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, "
    "Gallo, Conti, De Luca, Mancini, Costa, Giordano, Rizzo, Lombardi, Moretti, Bartolini, "
    "Innocenti, Fantoni, Mazzoni, Bandini, Paoli, Barbieri, Fontana, Santoro, Marchetti",
    "Scudo, Sentinella, Fortezza, Baluardo, Torre, Chiave, Sigillo, Vedetta, Rocca, Faro, Egida, "
    "Difesa, Bastione, Bussola",
    "Sicurezza, Sistemi, Informatica, Consulting, Tecnologie, Soluzioni, Digitale, Reti, "
    "Ingegneria, Servizi",
    (
        "{noun} {trade}",
        "{noun} {trade}",
        "{surname} {trade}",
        "{surname} & {surname2}",
        "Studio {surname}",
        "{brand} {trade}",
        "{place} {trade}",
        "{noun} {place}",
    ),
)
_lang(
    "es",
    "Javier, Carlos, David, Daniel, Alejandro, Pablo, Sergio, Jorge, Alberto, Diego, Miguel, "
    "Álvaro, Adrián, Iván, Raúl, Rubén, Fernando, Luis, Héctor, Óscar",
    "María, Lucía, Laura, Marta, Paula, Elena, Sara, Ana, Cristina, Carmen, Irene, Beatriz, "
    "Raquel, Silvia, Nuria, Patricia, Andrea, Alba, Rocío, Inés",
    "García, Fernández, González, Rodríguez, López, Martínez, Sánchez, Pérez, Gómez, Martín, "
    "Jiménez, Ruiz, Hernández, Díaz, Moreno, Álvarez, Muñoz, Romero, Alonso, Gutiérrez, Navarro, "
    "Torres, Domínguez, Vázquez, Gil, Blanco, Herrero, Prieto, Diez, Fuertes",
    "Escudo, Centinela, Baluarte, Muralla, Atalaya, Fortaleza, Llave, Sello, Faro, Torre, "
    "Alcázar, Almena, Vigía, Brújula",
    "Seguridad, Sistemas, Informática, Consultoría, Tecnologías, Soluciones, Digital, Redes, "
    "Ingeniería, Servicios",
    (
        "{noun} {trade}",
        "{noun} {trade}",
        "{surname} {trade}",
        "{surname} y {surname2}",
        "{brand} {trade}",
        "{place} {trade}",
        "{noun} {place}",
    ),
)
_lang(
    "pt",
    "João, Pedro, Tiago, Miguel, Rui, Nuno, Ricardo, André, Bruno, Diogo, Gonçalo, Hugo, Luís, "
    "Paulo, Rodrigo, Filipe, Carlos, Francisco",
    "Ana, Maria, Inês, Beatriz, Joana, Mariana, Catarina, Sofia, Rita, Sara, Marta, Carolina, "
    "Filipa, Teresa, Patrícia, Raquel, Daniela, Cláudia",
    "Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Sousa, Fernandes, "
    "Gonçalves, Gomes, Lopes, Marques, Alves, Almeida, Ribeiro, Pinto, Carvalho, Teixeira, "
    "Moreira, Correia",
    "Escudo, Sentinela, Baluarte, Muralha, Atalaia, Fortaleza, Chave, Selo, Farol, Torre, Vigia, "
    "Bússola",
    "Segurança, Sistemas, Informática, Consultoria, Tecnologias, Soluções, Digital, Redes",
    (
        "{noun} {trade}",
        "{surname} {trade}",
        "{surname} & {surname2}",
        "{brand} {trade}",
        "{place} {trade}",
    ),
)
_lang(
    "sl",
    "Luka, Jan, Žiga, Matej, Nejc, Rok, Jure, Andraž, Gregor, Tomaž, Marko, Miha, Boštjan, "
    "Primož, Aleš, Matjaž, Blaž, Uroš, Anže, Gašper",
    "Nina, Maja, Eva, Ana, Sara, Tjaša, Urška, Petra, Katja, Mojca, Špela, Nika, Tina, Barbara, "
    "Mateja, Polona, Lea, Anja, Neža, Alenka",
    "Novak, Horvat, Kovačič, Krajnc, Zupančič, Potočnik, Kovač, Mlakar, Kos, Vidmar, Golob, "
    "Turk, Kralj, Zupan, Bizjak, Hribar, Korošec, Rozman, Kotnik, Oblak, Petek, Žagar, Kolar, "
    "Mavrič",
    "Ščit, Straža, Trdnjava, Ključ, Stolp, Svetilnik, Pečat, Oklep, Zaščita, Varuh, Grad, Kompas",
    "Varnost, Sistemi, Informatika, Svetovanje, Tehnologije, Rešitve, Digital, Omrežja, Inženiring",
    ("{noun} {trade}", "{surname} {trade}", "{brand} {trade}", "{place} {trade}", "{noun} {place}"),
)
_lang(
    "et",
    "Martin, Andres, Jaan, Toomas, Rasmus, Kristjan, Mart, Siim, Priit, Tanel, Marko, Karl, "
    "Oliver, Markus, Rein, Peeter, Indrek, Kaspar, Hendrik, Taavi",
    "Kadri, Liis, Kristiina, Triin, Maarja, Anu, Kati, Piret, Mari, Laura, Eliise, Kertu, Helen, "
    "Merle, Kärt, Annika, Tiina, Sirje, Grete, Liina",
    "Tamm, Saar, Sepp, Mägi, Kask, Kukk, Rebane, Ilves, Pärn, Koppel, Lepik, Kallas, Oja, Luik, "
    "Lõhmus, Raudsepp, Kuusk, Vaher, Kruus, Põder, Karu, Mets, Jõgi, Teder",
    "Kilp, Valvur, Kindlus, Võti, Torn, Majakas, Pitser, Turve, Kaitse, Vall, Linnus, Kompass",
    "Turvalisus, Süsteemid, Tarkvara, Lahendused, Tehnoloogia, Konsult, Digi, Võrgud, Security",
    (
        "{noun} {trade}",
        "{noun}{trade_lower}",
        "{surname} {trade}",
        "{brand} {trade}",
        "{place} {trade}",
    ),
)
_lang(
    "sk",
    "Martin, Peter, Tomáš, Michal, Lukáš, Jakub, Marek, Juraj, Ján, Matej, Filip, Andrej, Dávid, "
    "Róbert, Miroslav, Pavol, Rastislav, Samuel",
    "Mária, Zuzana, Jana, Lucia, Katarína, Martina, Veronika, Simona, Monika, Barbora, Petra, "
    "Ivana, Lenka, Michaela, Andrea, Eva, Natália, Kristína",
    "Horváth|Horváthová, Kováč|Kováčová, Varga|Vargová, Tóth|Tóthová, Nagy|Nagyová, "
    "Baláž|Balážová, Szabó|Szabóová, Molnár|Molnárová, Lukáč|Lukáčová, Novák|Nováková, "
    "Kollár|Kollárová, Németh|Némethová, Oravec|Oravcová, Hudák|Hudáková, Kočiš|Kočišová, "
    "Sokol|Sokolová, Mihalík|Mihalíková, Gajdoš|Gajdošová, Polák|Poláková, "
    "Kovalčík|Kovalčíková, Fedor|Fedorová, Hric|Hricová",
    "Štít, Strážca, Pevnosť, Kľúč, Veža, Maják, Pečať, Brnenie, Ochrana, Hrad, Bašta, Kompas",
    "Bezpečnosť, Systémy, Informatika, Poradenstvo, Technológie, Riešenia, Digital, Siete",
    ("{noun} {trade}", "{surname} {trade}", "{brand} {trade}", "{place} {trade}", "{noun} {place}"),
)
_lang(
    "cs",
    "Jan, Petr, Tomáš, Jakub, Martin, Lukáš, Ondřej, Jiří, Pavel, Michal, Vojtěch, David, Filip, "
    "Adam, Marek, Josef, Radek, Zdeněk",
    "Jana, Eva, Lucie, Tereza, Kateřina, Veronika, Petra, Lenka, Markéta, Barbora, Hana, Klára, "
    "Michaela, Alena, Martina, Zuzana, Anna, Adéla",
    "Novák|Nováková, Svoboda|Svobodová, Novotný|Novotná, Dvořák|Dvořáková, Černý|Černá, "
    "Procházka|Procházková, Kučera|Kučerová, Veselý|Veselá, Horák|Horáková, Němec|Němcová, "
    "Marek|Marková, Pospíšil|Pospíšilová, Hájek|Hájková, Jelínek|Jelínková, Král|Králová, "
    "Růžička|Růžičková, Beneš|Benešová, Fiala|Fialová",
    "Štít, Strážce, Pevnost, Klíč, Věž, Maják, Pečeť, Hradba, Bašta, Záštita, Kompas",
    "Bezpečnost, Systémy, Informatika, Poradenství, Technologie, Řešení, Sítě, Security",
    ("{noun} {trade}", "{surname} {trade}", "{brand} {trade}", "{place} {trade}"),
)
_lang(
    "pl",
    "Piotr, Krzysztof, Tomasz, Paweł, Michał, Marcin, Jakub, Kamil, Łukasz, Mateusz, Adam, "
    "Grzegorz, Bartosz, Wojciech, Maciej, Rafał, Szymon, Dawid",
    "Anna, Katarzyna, Magdalena, Agnieszka, Joanna, Aleksandra, Monika, Ewa, Natalia, Karolina, "
    "Zofia, Marta, Paulina, Justyna, Dominika, Weronika, Julia, Barbara",
    "Nowak, Kowalski|Kowalska, Wiśniewski|Wiśniewska, Wójcik, Kowalczyk, Kamiński|Kamińska, "
    "Lewandowski|Lewandowska, Zieliński|Zielińska, Szymański|Szymańska, Woźniak, "
    "Dąbrowski|Dąbrowska, Kozłowski|Kozłowska, Jankowski|Jankowska, Mazur, "
    "Kwiatkowski|Kwiatkowska, Krawczyk, Piotrowski|Piotrowska, Grabowski|Grabowska, "
    "Nowakowski|Nowakowska, Pawłowski|Pawłowska",
    "Tarcza, Strażnik, Twierdza, Klucz, Wieża, Latarnia, Pieczęć, Bastion, Zbroja, Gród, Kompas",
    "Bezpieczeństwo, Systemy, Informatyka, Doradztwo, Technologie, Rozwiązania, Sieci, Security",
    ("{noun} {trade}", "{surname} {trade}", "{brand} {trade}", "{place} {trade}"),
)
_lang(
    "ro",
    "Andrei, Alexandru, Mihai, Ionuț, Cristian, Adrian, Bogdan, Radu, Florin, Gabriel, Ștefan, "
    "Vlad, Răzvan, Dan, Marius, Sorin, Cătălin, Tudor",
    "Maria, Elena, Ioana, Andreea, Alexandra, Cristina, Mihaela, Ana, Diana, Raluca, Roxana, "
    "Irina, Simona, Gabriela, Oana, Bianca, Laura, Teodora",
    "Popescu, Ionescu, Popa, Pop, Radu, Dumitru, Stan, Stoica, Gheorghe, Matei, Ciobanu, Rusu, "
    "Munteanu, Constantin, Marin, Moldovan, Lazăr, Dinu, Florea, Tudor, Barbu, Nistor",
    "Scut, Santinela, Cetate, Bastion, Cheie, Turn, Far, Sigiliu, Strajă, Pavăză, Busolă",
    "Securitate, Sisteme, Informatică, Consultanță, Tehnologii, Soluții, Digital, Rețele",
    ("{noun} {trade}", "{surname} {trade}", "{brand} {trade}", "{place} {trade}"),
)
_lang(
    "hu",
    "László, István, Zoltán, Gábor, Péter, Attila, Tamás, Balázs, Dániel, Ádám, Bence, Máté, "
    "Gergely, Csaba, Norbert, Levente, Krisztián, Márk",
    "Anna, Katalin, Eszter, Zsófia, Réka, Krisztina, Andrea, Erika, Judit, Nóra, Petra, Dóra, "
    "Fanni, Boglárka, Ildikó, Viktória, Orsolya, Hanna",
    "Nagy, Kovács, Tóth, Szabó, Horváth, Varga, Kiss, Molnár, Németh, Farkas, Balogh, Papp, "
    "Takács, Juhász, Lakatos, Mészáros, Oláh, Simon, Rácz, Fekete, Szilágyi, Török",
    "Pajzs, Őr, Vár, Kulcs, Torony, Bástya, Pecsét, Páncél, Őrszem, Iránytű",
    "Biztonság, Rendszerek, Informatika, Tanácsadó, Technológia, Megoldások, Digitális, Hálózat",
    ("{noun} {trade}", "{surname} {trade}", "{brand} {trade}", "{place} {trade}"),
    family_name_first=True,
)
_lang(
    "sv",
    "Erik, Lars, Anders, Johan, Karl, Per, Mikael, Fredrik, Oskar, Gustav, Henrik, Magnus, "
    "Jonas, Viktor, Emil, Axel, Niklas, Daniel",
    "Anna, Maria, Karin, Sara, Emma, Elin, Johanna, Linnea, Ida, Frida, Sofia, Malin, Hanna, "
    "Maja, Ebba, Klara, Lena, Cecilia",
    "Andersson, Johansson, Karlsson, Nilsson, Eriksson, Larsson, Olsson, Persson, Svensson, "
    "Gustafsson, Pettersson, Jonsson, Lindberg, Lindqvist, Lindström, Berg, Bergström, Holm, "
    "Sjöberg, Lundgren, Engström, Nyström",
    "Sköld, Väktare, Borg, Fästning, Nyckel, Torn, Fyr, Sigill, Vakt, Bastion, Vall, Kompass",
    "Säkerhet, System, IT, Konsult, Teknik, Lösningar, Digital, Nätverk, Security",
    (
        "{noun} {trade}",
        "{noun}{trade_lower}",
        "{surname} {trade}",
        "{brand} {trade}",
        "{place} {trade}",
    ),
)
_lang(
    "da",
    "Mads, Rasmus, Mikkel, Jesper, Søren, Anders, Lars, Henrik, Martin, Christian, Thomas, "
    "Jonas, Frederik, Kasper, Morten, Niels, Peter, Emil",
    "Anne, Mette, Camilla, Louise, Maria, Sofie, Ida, Julie, Line, Pernille, Marianne, Katrine, "
    "Signe, Stine, Cecilie, Emma, Maja, Freja",
    "Nielsen, Jensen, Hansen, Pedersen, Andersen, Christensen, Larsen, Sørensen, Rasmussen, "
    "Jørgensen, Petersen, Madsen, Kristensen, Olsen, Thomsen, Christiansen, Poulsen, Johansen, "
    "Møller, Mortensen, Knudsen, Lund",
    "Skjold, Vogter, Borg, Fæstning, Nøgle, Tårn, Fyr, Segl, Vagt, Bastion, Vold, Kompas",
    "Sikkerhed, Systemer, IT, Rådgivning, Teknologi, Løsninger, Digital, Netværk, Security",
    (
        "{noun} {trade}",
        "{noun}{trade_lower}",
        "{surname} {trade}",
        "{brand} {trade}",
        "{place} {trade}",
    ),
)
_lang(
    "fi",
    "Mikko, Juha, Timo, Jari, Antti, Jukka, Petri, Janne, Ville, Matti, Tuomas, Lauri, Eero, "
    "Aleksi, Joonas, Sami, Ossi, Teemu",
    "Anna, Maria, Laura, Johanna, Sanna, Heidi, Elina, Katja, Riikka, Minna, Tiina, Satu, "
    "Emilia, Aino, Noora, Henna, Kaisa, Sari",
    "Korhonen, Virtanen, Mäkinen, Nieminen, Mäkelä, Hämäläinen, Laine, Heikkinen, Koskinen, "
    "Järvinen, Lehtonen, Lehtinen, Saarinen, Salminen, Heinonen, Niemi, Heikkilä, Kinnunen, "
    "Salonen, Turunen, Rantanen, Laaksonen",
    "Kilpi, Vartija, Linna, Linnake, Avain, Torni, Majakka, Sinetti, Suoja, Valli, Muuri, Kompassi",
    "Turva, Järjestelmät, Tieto, Konsultointi, Teknologia, Ratkaisut, Digi, Verkot, Security",
    (
        "{noun} {trade}",
        "{noun}{trade_lower}",
        "{surname} {trade}",
        "{brand} {trade}",
        "{place} {trade}",
    ),
)
_lang(
    "el",
    "Georgios, Dimitrios, Konstantinos, Ioannis, Nikolaos, Panagiotis, Christos, Vasileios, "
    "Athanasios, Michail, Evangelos, Spyridon, Stavros, Alexandros, Petros, Theodoros, "
    "Emmanouil, Andreas",
    "Maria, Eleni, Aikaterini, Vasiliki, Sofia, Angeliki, Dimitra, Georgia, Konstantina, "
    "Paraskevi, Christina, Ioanna, Anastasia, Eirini, Despoina, Evangelia, Panagiota, Athina",
    "Papadopoulos|Papadopoulou, Pappas|Pappa, Nikolaidis|Nikolaidou, Georgiou, Oikonomou, "
    "Papageorgiou, Vasileiou, Dimitriou, Karagiannis|Karagianni, Ioannidis|Ioannidou, "
    "Makris|Makri, Konstantinidis|Konstantinidou, Alexiou, Antoniou, Christodoulou, "
    "Katsaros|Katsarou, Theodorou, Georgiadis|Georgiadou, Ioannou, Charalambous, Kyriakou, "
    "Nicolaou, Andreou, Panayiotou",
    "Aegis, Argos, Pyrgos, Faros, Kleidi, Aspida, Akropolis, Delta, Omega, Alfa, Fylax, Pyxida",
    "Security, Systems, Technologies, Pliroforiki, Solutions, Consulting, Digital, Networks",
    ("{noun} {trade}", "{surname} {trade}", "{brand} {trade}", "{place} {trade}"),
)
_lang(
    "bg",
    "Georgi, Ivan, Dimitar, Nikolay, Petar, Hristo, Stoyan, Todor, Aleksandar, Martin, Kaloyan, "
    "Vasil, Stefan, Yordan, Plamen, Krasimir, Borislav, Viktor",
    "Maria, Ivana, Elena, Desislava, Gergana, Radostina, Tsvetelina, Teodora, Nikol, Viktoria, "
    "Yana, Kristina, Petya, Silviya, Milena, Ralitsa, Denitsa, Iliana",
    "Ivanov|Ivanova, Georgiev|Georgieva, Dimitrov|Dimitrova, Petrov|Petrova, Nikolov|Nikolova, "
    "Hristov|Hristova, Stoyanov|Stoyanova, Todorov|Todorova, Iliev|Ilieva, Vasilev|Vasileva, "
    "Atanasov|Atanasova, Petkov|Petkova, Angelov|Angelova, Kolev|Koleva, Yordanov|Yordanova, "
    "Popov|Popova",
    "Shtit, Strazh, Krepost, Klyuch, Kula, Far, Pechat, Bastion, Zashtita, Tvardina, Kompas",
    "Security, Sistemi, Tehnologii, Konsult, Soft, Reshenia, Digital, Mrezhi",
    ("{noun} {trade}", "{surname} {trade}", "{brand} {trade}", "{place} {trade}"),
)
_lang(
    "hr",
    "Ivan, Luka, Marko, Josip, Ante, Matej, Tomislav, Filip, Petar, Marin, Domagoj, Stjepan, "
    "Krešimir, Mario, Hrvoje, Dario, Nikola, Karlo",
    "Ana, Marija, Ivana, Petra, Martina, Lucija, Maja, Katarina, Iva, Sara, Nikolina, Kristina, "
    "Tea, Lana, Mia, Dora, Josipa, Andrea",
    "Horvat, Kovačević, Babić, Marić, Jurić, Novak, Kovačić, Knežević, Vuković, Marković, "
    "Petrović, Matić, Tomić, Pavlović, Perić, Šarić, Radić, Božić, Blažević, Grgić, Lovrić, Pavić",
    "Štit, Straža, Tvrđava, Ključ, Kula, Svjetionik, Pečat, Bedem, Oklop, Zaštita, Utvrda, Kompas",
    "Sigurnost, Sustavi, Informatika, Savjetovanje, Tehnologije, Rješenja, Digital, Mreže",
    ("{noun} {trade}", "{surname} {trade}", "{brand} {trade}", "{place} {trade}"),
)
_lang(
    "lt",
    "Jonas, Mantas, Tomas, Lukas, Paulius, Darius, Andrius, Mindaugas, Tadas, Marius, Justinas, "
    "Vytautas, Giedrius, Rokas, Domantas, Karolis, Aurimas, Povilas",
    "Rūta, Gabija, Ieva, Eglė, Austėja, Indrė, Greta, Agnė, Lina, Jurgita, Rasa, Simona, Vaida, "
    "Ugnė, Kotryna, Aistė, Monika, Neringa",
    "Kazlauskas|Kazlauskienė, Jankauskas|Jankauskienė, Petrauskas|Petrauskienė, "
    "Stankevičius|Stankevičienė, Vasiliauskas|Vasiliauskienė, Žukauskas|Žukauskienė, "
    "Butkus|Butkienė, Paulauskas|Paulauskienė, Urbonas|Urbonienė, "
    "Kavaliauskas|Kavaliauskienė, Navickas|Navickienė, Ramanauskas|Ramanauskienė, "
    "Rimkus|Rimkienė, Baranauskas|Baranauskienė, Sakalauskas|Sakalauskienė",
    "Skydas, Sargas, Tvirtovė, Raktas, Bokštas, Švyturys, Antspaudas, Pilis, Apsauga, Kompasas",
    "Sauga, Sistemos, IT, Konsultacijos, Technologijos, Sprendimai, Skaitmena, Tinklai",
    ("{noun} {trade}", "{surname} {trade}", "{brand} {trade}", "{place} {trade}"),
)
_lang(
    "lv",
    "Jānis, Andris, Mārtiņš, Edgars, Kristaps, Artūrs, Roberts, Raivis, Aivars, Juris, Gatis, "
    "Rihards, Toms, Kārlis, Uldis, Valdis, Ēriks, Oskars",
    "Anna, Līga, Ilze, Inese, Kristīne, Laura, Elīna, Dace, Agnese, Zane, Sanita, Ieva, Linda, "
    "Baiba, Madara, Evija, Jolanta, Santa",
    "Bērziņš|Bērziņa, Kalniņš|Kalniņa, Ozoliņš|Ozoliņa, Jansons|Jansone, Ozols|Ozola, "
    "Liepiņš|Liepiņa, Krūmiņš|Krūmiņa, Balodis|Balode, Kļaviņš|Kļaviņa, Zariņš|Zariņa, "
    "Pētersons|Pētersone, Vītols|Vītola, Kārkliņš|Kārkliņa, Eglītis|Eglīte, Siliņš|Siliņa",
    "Vairogs, Sargs, Cietoksnis, Atslēga, Tornis, Bāka, Zīmogs, Pils, Aizsardzība, Kompass",
    "Drošība, Sistēmas, IT, Konsultācijas, Tehnoloģijas, Risinājumi, Digital, Tīkli",
    ("{noun} {trade}", "{surname} {trade}", "{brand} {trade}", "{place} {trade}"),
)
_lang(
    "en",
    "Seán, Conor, Ciarán, Patrick, Michael, John, David, Eoin, Niall, Darragh, Cian, Liam, James, "
    "Brian, Kevin, Declan, Aidan, Mark",
    "Aoife, Siobhán, Niamh, Ciara, Sinéad, Orla, Emma, Sarah, Claire, Laura, Róisín, Gráinne, "
    "Aisling, Katie, Rachel, Mary, Sorcha, Emer",
    "Murphy, Kelly, O'Sullivan, Walsh, Smith, O'Brien, Byrne, Ryan, O'Connor, O'Neill, "
    "O'Reilly, Doyle, McCarthy, Gallagher, Doherty, Kennedy, Lynch, Murray, Quinn, Moore, "
    "McLoughlin, Carroll",
    "Shield, Sentinel, Bastion, Beacon, Citadel, Keystone, Rampart, Lighthouse, Watchtower, "
    "Harbour, Compass, Anchor",
    "Security, Systems, Labs, Solutions, Technologies, Consulting, Networks, Cyber, Digital",
    (
        "{noun} {trade}",
        "{surname} {trade}",
        "{surname} & {surname2}",
        "{brand} {trade}",
        "{place} {trade}",
    ),
)
_lang(
    "mt",
    "Joseph, John, Mark, Matthew, Luke, Daniel, Karl, Kurt, Jean, Clayton, Adrian, Christian, "
    "Andrew, Nicholas",
    "Maria, Rebecca, Sarah, Nicole, Francesca, Graziella, Michela, Claire, Stephanie, Rachel, "
    "Kristina, Yanica, Daniela, Martina",
    "Borg, Camilleri, Vella, Farrugia, Zammit, Galea, Micallef, Grech, Attard, Spiteri, "
    "Azzopardi, Mifsud, Agius, Caruana, Cassar, Debono, Pace, Calleja",
    "Shield, Sentinel, Bastion, Beacon, Citadel, Keystone, Rampart, Lighthouse, Valletta, "
    "Harbour, Compass",
    "Security, Systems, Labs, Solutions, Technologies, Consulting, Networks, Cyber, Digital",
    ("{noun} {trade}", "{surname} {trade}", "{brand} {trade}", "{place} {trade}"),
)

# Languages used for names in each country, with their weights.
COUNTRY_LANGUAGES: dict[str, tuple[tuple[str, float], ...]] = {
    "AT": (("de", 1.0),),
    "BE": (("nl", 1.0),),  # Flanders; Brussels and Wallonia are handled in languages_for()
    "BG": (("bg", 1.0),),
    "HR": (("hr", 1.0),),
    "CY": (("el", 0.8), ("en", 0.2)),
    "CZ": (("cs", 1.0),),
    "DK": (("da", 1.0),),
    "EE": (("et", 1.0),),
    "FI": (("fi", 1.0),),
    "FR": (("fr", 1.0),),
    "DE": (("de", 1.0),),
    "GR": (("el", 1.0),),
    "HU": (("hu", 1.0),),
    "IE": (("en", 1.0),),
    "IT": (("it", 1.0),),
    "LV": (("lv", 1.0),),
    "LT": (("lt", 1.0),),
    "LU": (("fr", 0.6), ("de", 0.4)),
    "MT": (("mt", 1.0),),
    "NL": (("nl", 1.0),),
    "PL": (("pl", 1.0),),
    "PT": (("pt", 1.0),),
    "RO": (("ro", 1.0),),
    "SK": (("sk", 1.0),),
    "SI": (("sl", 1.0),),
    "ES": (("es", 1.0),),
    "SE": (("sv", 1.0),),
}


def languages_for(country: str, city: str, territory: str | None) -> tuple[tuple[str, float], ...]:
    """Name languages of a place: Belgium follows its language areas."""
    if country == "BE":
        if city == "Eupen":
            return (("de", 1.0),)
        if territory == "BE3":
            return (("fr", 1.0),)
        if city == "Bruxelles":
            return (("fr", 0.6), ("nl", 0.4))
    return COUNTRY_LANGUAGES[country]


# Regional names used in company names ({place}): partner territories get their own flavour.
TERRITORY_PLACE_WORDS: dict[str, tuple[str, ...]] = {
    "FRH0": ("Breizh", "Armor", "Arvor", "Bretagne", "Iroise", "Émeraude", "Cornouaille"),
    "BE3": ("Wallonie", "Meuse", "Ardenne", "Sambre", "Condroz", "Famenne", "Hesbaye"),
    "ITI1": ("Toscana", "Etruria", "Arno", "Tirreno", "Apuana", "Maremma", "Valdarno"),
    "ES41": ("Castilla", "Duero", "Meseta", "Pisuerga", "Tormes", "Bierzo", "Arlanza"),
    "SI0": ("Triglav", "Sava", "Drava", "Kras", "Pohorje", "Soča", "Karavanke"),
    "EE00": ("Baltic", "Harju", "Emajõe", "Toome", "Peipsi", "Saare", "Vooremaa"),
    "SK042": ("Hornád", "Spiš", "Zemplín", "Gemer", "Abov", "Kassa", "Bodva"),
}

# Regional Breton, Tuscan… family names mixed into the national ones in the territories.
TERRITORY_SURNAMES: dict[str, tuple[str, ...]] = {
    "FRH0": _t(
        "Le Gall, Le Goff, Le Bihan, Tanguy, Kerbrat, Le Roux, Jaouen, Prigent, Riou, Le Bris, "
        "Morvan, Guillou, Le Corre, Quéré, Kervella, Le Floch, Hamon, Le Meur, Cadiou, Abgrall"
    ),
    "ITI1": _t(
        "Bartolini, Innocenti, Fantoni, Mazzoni, Bandini, Paoli, Nencini, Cecchi, Baldi, "
        "Sarti, Bacci, Lazzeri, Guidi, Giannini, Bertini"
    ),
    "ES41": _t("Diez, Fuertes, Alonso, Prieto, Herrero, Santamaría, Calvo, Velasco, Arranz"),
    "BE3": _t("Dubois, Lambert, Dupont, Martin, Simon, Laurent, Leclercq, Renard, Collard"),
}

# English words for invented brands: a prefix and a suffix, glued ("Cipheron", "TrustGate").
BRAND_PREFIXES: tuple[str, ...] = _t(
    "Cyber, Secu, Crypto, Data, Net, Trust, Zero, Quantum, Shield, Guard, Vigil, Aegis, Sentin, "
    "Bastion, Cipher, Key, Lock, Safe, Defen, Intel, Threat, Sec, Byte, Bit, Signal, Vector, "
    "Nova, Astra, Iron, Blue, Red, Black, Silver, Arc, Hex, Onyx, Polar, Nord, Lumen, Orbit, "
    "Helix, Sigma, Tera, Vault, Fort, Kryp, Priva, Ident, Verit, Auth"
)
BRAND_SUFFIXES: tuple[str, ...] = _t(
    "ix, ia, on, tek, sec, guard, wall, gate, lab, soft, ware, net, logic, sys, ops, works, "
    "line, point, core, mind, sphere, wave, path, link, shield, trust, base, grid, forge, "
    "scope, data, key, ium, era, ex, ify, io, ara, os"
)
# English trade words for brands and international names.
ENGLISH_TRADES: tuple[str, ...] = _t(
    "Security, Systems, Labs, Solutions, Technologies, Consulting, Networks, Software, "
    "Analytics, Defence, Cyber, Digital, Group, Intelligence, Data, Services, Engineering"
)
# Trades of companies whose core business is not cybersecurity (IT services, integrators).
IT_TRADES: tuple[str, ...] = _t(
    "IT Services, Informatics, Software, Systems Integration, Cloud, Digital, Networks, "
    "Technologies, Data, Engineering"
)

# Legal forms per country: for small companies, large companies, and associations (clusters,
# non-profit research or training bodies). Weighted by how common they are.
LEGAL_FORMS: dict[str, dict[str, tuple[tuple[str, float], ...]]] = {
    "AT": {
        "small": (("GmbH", 0.85), ("e.U.", 0.08), ("OG", 0.07)),
        "large": (("GmbH", 0.6), ("AG", 0.4)),
        "association": (("Verein", 0.5), ("", 0.5)),
    },
    "BE": {
        "small": (("SRL", 0.85), ("SA", 0.15)),  # French forms; Dutch ones in legal_form()
        "large": (("SA", 0.9), ("SRL", 0.1)),
        "association": (("ASBL", 1.0),),
    },
    "BG": {
        "small": (("EOOD", 0.5), ("OOD", 0.45), ("AD", 0.05)),
        "large": (("AD", 0.7), ("EAD", 0.3)),
        "association": (("", 1.0),),
    },
    "HR": {
        "small": (("d.o.o.", 0.9), ("j.d.o.o.", 0.1)),
        "large": (("d.d.", 0.6), ("d.o.o.", 0.4)),
        "association": (("", 1.0),),
    },
    "CY": {
        "small": (("Ltd", 1.0),),
        "large": (("Ltd", 0.5), ("Plc", 0.5)),
        "association": (("", 1.0),),
    },
    "CZ": {
        "small": (("s.r.o.", 0.92), ("a.s.", 0.08)),
        "large": (("a.s.", 0.7), ("s.r.o.", 0.3)),
        "association": (("z.s.", 1.0),),
    },
    "DK": {
        "small": (("ApS", 0.9), ("A/S", 0.1)),
        "large": (("A/S", 1.0),),
        "association": (("", 1.0),),
    },
    "EE": {
        "small": (("OÜ", 0.95), ("AS", 0.05)),
        "large": (("AS", 1.0),),
        "association": (("MTÜ", 1.0),),
    },
    "FI": {
        "small": (("Oy", 1.0),),
        "large": (("Oyj", 0.5), ("Oy", 0.5)),
        "association": (("ry", 1.0),),
    },
    "FR": {
        "small": (("SAS", 0.55), ("SARL", 0.3), ("SASU", 0.1), ("EURL", 0.05)),
        "large": (("SA", 0.6), ("SAS", 0.4)),
        "association": (("", 1.0),),
    },
    "DE": {
        "small": (("GmbH", 0.85), ("UG (haftungsbeschränkt)", 0.1), ("GmbH & Co. KG", 0.05)),
        "large": (("AG", 0.5), ("GmbH", 0.4), ("SE", 0.1)),
        "association": (("e.V.", 1.0),),
    },
    "GR": {
        "small": (("IKE", 0.6), ("EPE", 0.25), ("S.A.", 0.15)),
        "large": (("S.A.", 1.0),),
        "association": (("", 1.0),),
    },
    "HU": {
        "small": (("Kft.", 0.9), ("Bt.", 0.1)),
        "large": (("Zrt.", 0.7), ("Nyrt.", 0.3)),
        "association": (("Egyesület", 1.0),),
    },
    "IE": {
        "small": (("Ltd", 0.9), ("DAC", 0.1)),
        "large": (("Ltd", 0.4), ("DAC", 0.3), ("plc", 0.3)),
        "association": (("CLG", 1.0),),
    },
    "IT": {
        "small": (("S.r.l.", 0.85), ("S.r.l.s.", 0.1), ("S.p.A.", 0.05)),
        "large": (("S.p.A.", 0.9), ("S.r.l.", 0.1)),
        "association": (("", 1.0),),
    },
    "LV": {
        "small": (("SIA", 1.0),),
        "large": (("AS", 1.0),),
        "association": (("biedrība", 1.0),),
    },
    "LT": {
        "small": (("UAB", 0.95), ("MB", 0.05)),
        "large": (("AB", 0.6), ("UAB", 0.4)),
        "association": (("asociacija", 1.0),),
    },
    "LU": {
        "small": (("S.à r.l.", 0.9), ("S.A.", 0.1)),
        "large": (("S.A.", 1.0),),
        "association": (("a.s.b.l.", 1.0),),
    },
    "MT": {
        "small": (("Ltd", 1.0),),
        "large": (("p.l.c.", 0.5), ("Ltd", 0.5)),
        "association": (("", 1.0),),
    },
    "NL": {
        "small": (("B.V.", 1.0),),
        "large": (("B.V.", 0.5), ("N.V.", 0.5)),
        "association": (("", 1.0),),
    },
    "PL": {
        "small": (("Sp. z o.o.", 0.95), ("S.A.", 0.05)),
        "large": (("S.A.", 0.8), ("Sp. z o.o.", 0.2)),
        "association": (("", 1.0),),
    },
    "PT": {
        "small": (("Lda.", 0.8), ("Unipessoal Lda.", 0.2)),
        "large": (("S.A.", 1.0),),
        "association": (("", 1.0),),
    },
    "RO": {
        "small": (("S.R.L.", 1.0),),
        "large": (("S.A.", 0.7), ("S.R.L.", 0.3)),
        "association": (("", 1.0),),
    },
    "SK": {
        "small": (("s.r.o.", 0.95), ("a.s.", 0.05)),
        "large": (("a.s.", 0.7), ("s.r.o.", 0.3)),
        "association": (("o.z.", 1.0),),
    },
    "SI": {
        "small": (("d.o.o.", 0.95), ("s.p.", 0.05)),
        "large": (("d.d.", 0.6), ("d.o.o.", 0.4)),
        "association": (("", 1.0),),
    },
    "ES": {
        "small": (("S.L.", 0.85), ("S.L.U.", 0.1), ("S.A.", 0.05)),
        "large": (("S.A.", 0.9), ("S.L.", 0.1)),
        "association": (("", 1.0),),
    },
    "SE": {
        "small": (("AB", 1.0),),
        "large": (("AB", 0.6), ("AB (publ)", 0.4)),
        "association": (("", 1.0),),
    },
}

# Belgian companies in the Dutch-speaking area use the Dutch names of the same legal forms.
BELGIAN_DUTCH_FORMS = {"SRL": "BV", "SA": "NV", "ASBL": "VZW"}


def legal_form(country: str, kind: str, language: str, pick) -> str:
    """A legal form for a company ("small", "large") or an association; ``pick`` chooses one
    item from a weighted sequence of ``(value, weight)``."""
    form = pick(LEGAL_FORMS[country][kind])
    if country == "BE" and language == "nl":
        form = BELGIAN_DUTCH_FORMS.get(form, form)
    if country == "BE" and language == "de":
        form = {"SRL": "BV", "SA": "AG", "ASBL": "VoG"}.get(form, form)
    return form


def family_name(entry: str, female: bool) -> str:
    male, _, female_form = entry.partition("|")
    return female_form if female and female_form else male


# Telephone number formats: "#" is a random digit, "N" a random digit from 2 to 9.
PHONE_FORMATS: dict[str, str] = {
    "AT": "+43 N ### ####",
    "BE": "+32 N ### ## ##",
    "BG": "+359 2 ### ####",
    "HR": "+385 1 ### ####",
    "CY": "+357 22 ######",
    "CZ": "+420 N## ### ###",
    "DK": "+45 N# ## ## ##",
    "EE": "+372 6## ####",
    "FI": "+358 N ### ####",
    "FR": "+33 N ## ## ## ##",
    "DE": "+49 N# #######",
    "GR": "+30 21# ### ####",
    "HU": "+36 1 ### ####",
    "IE": "+353 1 ### ####",
    "IT": "+39 0N# ### ####",
    "LV": "+371 67## ####",
    "LT": "+370 5 ### ####",
    "LU": "+352 N# ## ##",
    "MT": "+356 21## ####",
    "NL": "+31 N# ### ####",
    "PL": "+48 N# ### ## ##",
    "PT": "+351 2## ### ###",
    "RO": "+40 21 ### ####",
    "SK": "+421 N #### ####",
    "SI": "+386 1 ### ## ##",
    "ES": "+34 9## ### ###",
    "SE": "+46 8 ### ### ##",
}


# Names of organisations -----------------------------------------------------------------------

CONTACT_ROLES = {
    "sme": (
        "Chief Executive Officer",
        "Chief Technology Officer",
        "Head of Sales",
        "Business Developer",
        "Security Consultant",
        "Head of R&D",
        "Marketing Manager",
    ),
    "large": (
        "Country Manager",
        "Chief Information Security Officer",
        "Head of Partnerships",
        "Key Account Manager",
        "Head of R&D",
        "Public Affairs Manager",
    ),
    "rto": ("Research Director", "Project Manager", "Business Developer", "Senior Researcher"),
    "university": (
        "Professor of Computer Security",
        "Head of Department",
        "Partnerships Officer",
        "Lecturer in Cybersecurity",
    ),
    "training": ("Director", "Training Manager", "Programme Coordinator"),
    "incubator": ("Programme Manager", "Director", "Start-up Coach"),
    "cluster": ("Managing Director", "Community Manager", "Project Officer"),
    "public": ("Head of Digital Department", "Policy Officer", "Project Officer", "CISO"),
    "csirt": ("Head of CSIRT", "Incident Response Lead", "Communications Officer"),
    "investor": ("Partner", "Investment Manager", "Analyst"),
    "other": ("Partner", "Manager", "Project Officer"),
}

INVESTOR_VARIANTS = (
    ("venture capital fund", ("{brand} Capital", "{brand} Ventures", "{brand} Partners")),
    ("business angels network", ("{place} Business Angels", "{brand} Angels")),
    ("corporate venture fund", ("{brand} Corporate Ventures", "{brand} Invest")),
    (
        "regional investment fund",
        (
            "{place} Seed Fund",
            "{place} Innovation Fund",
            "{place} Growth Fund",
            "{brand} Regional Fund",
        ),
    ),
)
OTHER_VARIANTS = (
    ("law firm with a cybersecurity and data protection practice", "law", ""),
    ("cyber insurance broker", "insurance", "small"),
    ("trade press publisher", "media", "small"),
    ("non-profit foundation promoting online safety", "foundation", "association"),
    ("testing and certification laboratory", "lab", "small"),
    ("management consultancy", "consulting", "small"),
)
RESEARCH_FIELDS = (
    "Secure Systems",
    "Applied Cryptography",
    "Digital Trust",
    "Cyber Resilience",
    "Trustworthy Computing",
    "Network Security",
    "Information Security",
    "Digital Forensics",
    "Industrial Cybersecurity",
    "Privacy Engineering",
)


# Name templates by kind of organisation: (local templates by language, the share of local
# names where the language has some, English templates). Fields: {c} the city, {fr_de} and
# {es_de} "de <city>" in French and Spanish, {place} the city or a regional name, {brand} an
# invented brand, {field} a research field, {country} the country's English name.
NAME_TEMPLATES: dict[str, tuple[dict[str, tuple[str, ...]], float, tuple[str, ...]]] = {
    "university": (
        {
            "fr": (
                "Université {fr_de}",
                "École supérieure d'informatique {fr_de}",
                "Institut universitaire de technologie {fr_de}",
                "École nationale d'ingénieurs {fr_de}",
                "École d'ingénieurs du numérique {fr_de}",
                "Institut polytechnique {fr_de}",
            ),
            "it": (
                "Università di {c}",
                "Università degli Studi di {c}",
                "Politecnico di {c}",
                "Scuola Superiore di Ingegneria di {c}",
            ),
            "es": (
                "Universidad {es_de}",
                "Universidad Politécnica {es_de}",
                "Escuela Politécnica Superior {es_de}",
            ),
            "pt": (
                "Universidade de {c}",
                "Instituto Politécnico de {c}",
                "Escola Superior de Tecnologia de {c}",
            ),
            "de": (
                "Universität {c}",
                "Technische Hochschule {c}",
                "Hochschule {c}",
                "Fachhochschule {c}",
                "Hochschule für Technik {c}",
            ),
            "nl": ("Universiteit {c}", "Hogeschool {c}", "Technische Universiteit {c}"),
        },
        0.8,
        (
            "University of {c}",
            "{c} University of Technology",
            "{c} Institute of Technology",
            "Technical University of {c}",
            "{c} University of Applied Sciences",
            "{c} School of Engineering",
            "{c} Polytechnic",
            "{c} Business and Technology University",
            "{field} School of {c}",
        ),
    ),
    "rto": (
        {
            "fr": (
                "Centre de recherche en cybersécurité {fr_de}",
                "Institut de la confiance numérique {fr_de}",
            ),
            "de": ("Institut für Cybersicherheit {c}", "Forschungszentrum IT-Sicherheit {c}"),
            "it": (
                "Centro di ricerca sulla cybersicurezza di {c}",
                "Istituto per la sicurezza informatica di {c}",
            ),
            "es": (
                "Centro de Investigación en Ciberseguridad {es_de}",
                "Instituto de Tecnologías Seguras {es_de}",
            ),
        },
        0.5,
        (
            "Institute for {field}",
            "{c} Centre for {field}",
            "{field} Research Centre {c}",
            "{brand} Research",
        ),
    ),
    "training": (
        {
            "fr": ("École de cybersécurité {fr_de}", "Académie cyber {fr_de}"),
            "es": ("Escuela de Ciberseguridad {es_de}",),
            "it": ("Accademia di Cybersecurity {c}",),
            "de": ("Cyber-Akademie {c}",),
        },
        0.4,
        (
            "{c} Cyber Academy",
            "{brand} Academy",
            "CyberSkills {place}",
            "{field} Academy {c}",
            "{c} School of Cybersecurity",
        ),
    ),
    "incubator": (
        {},
        0.0,
        (
            "{c} Cyber Hub",
            "{brand} Accelerator",
            "Cyber Campus {place}",
            "{brand} Venture Lab",
            "Startup Forge {c}",
            "{place} Cyber Incubator",
        ),
    ),
    "cluster": (
        {
            "fr": ("Pôle cyber {place}", "Cyber {place} Association"),
            "es": ("Clúster de Ciberseguridad {place_es_de}",),
            "it": ("Distretto Cyber {place}",),
            "de": ("Netzwerk IT-Sicherheit {place}", "Cluster Cybersicherheit {place}"),
        },
        0.5,
        (
            "{place} Cybersecurity Cluster",
            "{place} Cyber Alliance",
            "Cyber {place}",
            "Cybersecurity Association of {country}",
            "{place} Digital Trust Network",
            "{brand} Cyber Network",
            "{place} Cyber Valley",
            "{place} {field} Network",
            "{country} {field} Forum",
        ),
    ),
    "public": (
        {
            "fr": ("Ville {fr_de}", "{c} Métropole", "Agence de développement économique {fr_de}"),
            "it": ("Comune di {c}", "Provincia di {c}"),
            "es": ("Ayuntamiento {es_de}", "Diputación Provincial {es_de}"),
            "pt": ("Câmara Municipal de {c}",),
            "de": ("Stadt {c}", "Stadtverwaltung {c}"),
            "nl": ("Gemeente {c}",),
            "sl": ("{municipality} {c}",),
            "sk": ("Mesto {c}",),
            "cs": ("{municipality} {c}",),
            "ro": ("Primăria {c}",),
        },
        0.6,
        (
            "City of {c}",
            "{c} Economic Development Agency",
            "{c} Digital Innovation Office",
            "{place} Regional Development Agency",
            "{c} Municipal IT Services",
            "{place} Digital Agency",
            "{c} Smart City Office",
            "{c} Public Transport Authority",
            "{c} Water and Energy Services",
            "{c} Hospital Trust",
            "{c} Chamber of Commerce and Industry",
            "{c} Metropolitan Authority",
            "{c} Employment and Skills Agency",
        ),
    ),
    "csirt": (
        {},
        0.0,
        ("CSIRT {place}", "{c} Regional CSIRT", "{place} Cyber Response Centre", "{place} CERT"),
    ),
}
LAW_FIRM_PATTERNS = {
    "fr": "{surname} Avocats",
    "it": "Studio Legale {surname}",
    "es": "{surname} Abogados",
    "de": "{surname} Rechtsanwälte",
    "nl": "{surname} Advocaten",
    "pt": "{surname} Advogados",
}


_TRANSLITERATION = str.maketrans(
    {
        "ß": "ss",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "đ": "d",
        "Đ": "D",
        "ł": "l",
        "Ł": "L",
        "œ": "oe",
        "Œ": "OE",
        "&": " and ",
        "'": "",
        "’": "",
    }
)
NON_ALNUM = re.compile(r"[^a-z0-9]+")
DIGITS = "0123456789"


def ascii_fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATION))
    return text.encode("ascii", "ignore").decode("ascii")


def slugify(text: str, max_length: int = 60) -> str:
    slug = NON_ALNUM.sub("-", ascii_fold(text).lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or "org"


def weighted_pick(rng: Random, items: Sequence[tuple[str, float]]) -> str:
    total = sum(w for _, w in items)
    x = rng.random() * total
    for value, weight in items:
        x -= weight
        if x < 0:
            return value
    return items[-1][0]


def _fr_de(city: str) -> str:
    """French "de <city>" with elision and contraction."""
    if city.startswith("Le "):
        return "du " + city[3:]
    if city.startswith("Les "):
        return "des " + city[4:]
    if city[:1] in "AEIOUÉÈÊYH":
        return "d'" + city
    return "de " + city


def _es_de(city: str) -> str:
    return "del " + city[3:] if city.startswith("El ") else "de " + city


class Namer:
    """Draws organisation names that are unique within a country (by their slug), legal names,
    people's names and telephone numbers, all from one random stream."""

    def __init__(self, rng: Random):
        self.rng = rng
        self.country = ""
        self.used: set[str] = set()
        self.next_number: dict[str, int] = {}
        self.saturated: dict[str, int] = {}

    def start_country(self, country: str) -> None:
        """Names need only be unique within a country: forget the previous one's."""
        self.country = country
        self.used = set()
        self.next_number = {}
        self.saturated = {}

    def unique_name(self, kind, size, lang, city, territory, variant):
        """A name whose slug is new in the country: a few fresh draws, then the city added,
        then a number. Once a kind of name runs short in a country (many universities in
        Paris…), fewer draws are tried, so that the cost per record stays flat."""
        used = self.used
        name = ""
        attempts = 30 if self.saturated.get(kind, 0) < 20 else 5
        for _ in range(attempts):
            name = self._name(kind, size, lang, city, territory, variant)
            slug = slugify(name)
            if slug not in used:
                used.add(slug)
                return name, slug
        self.saturated[kind] = self.saturated.get(kind, 0) + 1
        if city.name not in name:
            candidate = f"{name} {city.name}"
            slug = slugify(candidate)
            if slug not in used:
                used.add(slug)
                return candidate, slug
        number = self.next_number.get(name, 2)
        while True:
            candidate = f"{name} {number}"
            slug = slugify(candidate)
            number += 1
            if slug not in used:
                used.add(slug)
                self.next_number[name] = number
                return candidate, slug

    def _brand(self) -> str:
        r = self.rng
        while True:
            prefix = r.choice(BRAND_PREFIXES)
            suffix = r.choice(BRAND_SUFFIXES)
            if suffix.lower() in prefix.lower() or prefix.lower().endswith(suffix[:2].lower()):
                continue
            if len(suffix) >= 4 and r.random() < 0.5:
                return prefix + suffix.capitalize()
            return prefix + suffix

    def _place_word(self, city: City, territory: str | None) -> str:
        if territory is not None and self.rng.random() < 0.6:
            return self.rng.choice(TERRITORY_PLACE_WORDS[territory])
        return city.name

    def _surname(self, lang: Language, territory: str | None, female: bool = False):
        r = self.rng
        regional = TERRITORY_SURNAMES.get(territory) if territory else None
        if regional and r.random() < 0.4:
            return r.choice(regional)
        return family_name(r.choice(lang.last), female)

    def _local(self, lang: Language, city: City, territory: str | None, trades=None):
        r = self.rng
        pattern = r.choice(lang.patterns)
        trade = r.choice(trades or lang.trades)
        surname = self._surname(lang, territory)
        surname2 = self._surname(lang, territory)
        if surname2 == surname:
            surname2 = family_name(r.choice(lang.last), False)
        return pattern.format(
            noun=r.choice(lang.nouns),
            trade=trade,
            trade_lower=trade.lower(),
            surname=surname,
            surname2=surname2,
            city=city.name,
            place=self._place_word(city, territory),
            brand=self._brand(),
        )

    def _name(self, kind, size, lang, city, territory, variant) -> str:
        r = self.rng
        if kind in NAME_TEMPLATES and not (kind == "csirt" and variant == "national"):
            local_templates, local_share, english = NAME_TEMPLATES[kind]
            local = local_templates.get(lang.code)
            template = r.choice(local) if local and r.random() < local_share else r.choice(english)
            return self._fill(template, city, territory, lang.code)
        if kind == "csirt":
            return f"National CSIRT of {COUNTRY_NAMES[self.country]}"
        if kind == "cyber":
            x = r.random()
            if size == "large":
                if x < 0.6:
                    return f"{self._brand()} {r.choice(('Group', 'Security', 'Defence', 'Cyber'))}"
                return self._local(lang, city, territory)
            if x < 0.3:
                return self._brand()
            if x < 0.55:
                return f"{self._brand()} {r.choice(ENGLISH_TRADES)}"
            return self._local(lang, city, territory)
        if kind == "it":
            if r.random() < 0.6:
                return f"{self._brand()} {r.choice(IT_TRADES)}"
            return self._local(lang, city, territory, IT_TRADES)
        if kind == "investor":
            return self._fill(r.choice(dict(INVESTOR_VARIANTS)[variant]), city, territory)
        surname = self._surname(lang, territory)
        if kind == "law":
            surname2 = self._surname(lang, territory)
            if surname2 != surname and r.random() < 0.5:
                return f"{surname} & {surname2} Legal"
            return LAW_FIRM_PATTERNS.get(lang.code, "{surname} Legal").format(surname=surname)
        if kind == "insurance":
            return r.choice((f"{self._brand()} Insurance Brokers", f"{surname} Cyber Insurance"))
        if kind == "media":
            return self._fill(
                r.choice(("{brand} Media", "{place} Cyber News", "{brand} Magazine")),
                city,
                territory,
            )
        if kind == "foundation":
            template = r.choice(
                ("Safe Online {place}", "{brand} Foundation", "{surname} Foundation")
            )
            return self._fill(template.replace("{surname}", surname), city, territory)
        if kind == "lab":
            return f"{self._brand()} Testing Lab"
        return f"{surname} Consulting"

    def _fill(self, template: str, city: City, territory: str | None, language: str = "") -> str:
        """Fill a name template, drawing only the parts it uses."""
        c = city.name
        fields = {"c": c}
        if "{place" in template:
            place = self._place_word(city, territory)
            fields["place"] = place
            fields["place_es_de"] = _es_de(place)
        if "{fr_de}" in template:
            fields["fr_de"] = _fr_de(c)
        if "{es_de}" in template:
            fields["es_de"] = _es_de(c)
        if "{brand}" in template:
            fields["brand"] = self._brand()
        if "{field}" in template:
            fields["field"] = self.rng.choice(RESEARCH_FIELDS)
        if "{country}" in template:
            fields["country"] = COUNTRY_NAMES[self.country]
        if "{municipality}" in template:
            big = city.weight >= 40
            fields["municipality"] = {
                "sl": "Mestna občina" if big else "Občina",
                "cs": "Statutární město" if big else "Město",
            }.get(language, "")
        return template.format(**fields)

    def legal_name(self, name: str, country: str, kind: str, language: str) -> str:
        if not kind:
            return name
        form = legal_form(country, kind, language, lambda items: weighted_pick(self.rng, items))
        return f"{name} {form}" if form else name

    def person(self, lang: Language, territory: str | None) -> tuple[str, str]:
        """A person's name and the local part of their e-mail address."""
        r = self.rng
        female = r.random() < 0.5
        first = r.choice(lang.first_female if female else lang.first_male)
        last = self._surname(lang, territory, female)
        name = f"{last} {first}" if lang.family_name_first else f"{first} {last}"
        local_part = (
            f"{NON_ALNUM.sub('', ascii_fold(first).lower())}."
            f"{NON_ALNUM.sub('', ascii_fold(last).lower())}"
        )
        return name, local_part

    def phone(self, country: str) -> str:
        random = self.rng.random
        return "".join(
            DIGITS[int(random() * 10)]
            if ch == "#"
            else DIGITS[2 + int(random() * 8)]
            if ch == "N"
            else ch
            for ch in PHONE_FORMATS[country]
        )
