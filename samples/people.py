"""Invented people, addresses and date formatting. No real person's data.

Names are common first names and surnames of each country, combined at random; birth
dates, numbers and addresses are drawn from the seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

# nationality -> (given names F, given names M, surnames, birth places, language)
NATIONS: dict[str, dict] = {
    "USA": dict(
        f=["Emily", "Madison", "Hannah Rose", "Brianna", "Kayla Jean", "Abigail"],
        m=["Jacob", "Tyler James", "Logan", "Austin", "Connor Lee", "Nathan"],
        s=["Whitfield", "Callahan", "Brennan", "Harlow", "Pruitt", "Lockhart", "Redmond"],
        places=[
            "Portland, Oregon",
            "Columbus, Ohio",
            "Sacramento, California",
            "Tucson, Arizona",
            "Raleigh, North Carolina",
        ],
        lang="en",
        fr="ÉTATS-UNIS",
        en="UNITED STATES OF AMERICA",
        insee="404",
    ),
    "BRA": dict(
        f=["Ana Clara", "Mariana", "Larissa", "Beatriz", "Luana"],
        m=["João Pedro", "Luiz Felipe", "Thiago", "Gustavo", "Caio"],
        s=[
            "Albuquerque Nunes",
            "Carvalho",
            "Teixeira Lima",
            "Figueiredo",
            "Azevedo",
            "Cavalcanti",
            "Rezende",
        ],
        places=["Belo Horizonte", "Curitiba", "Recife", "Fortaleza", "Campinas"],
        lang="pt",
        fr="BRÉSIL",
        en="BRAZIL",
        insee="416",
    ),
    "MAR": dict(
        f=["Salma", "Imane", "Meryem", "Zineb", "Hajar"],
        m=["Youssef", "Hamza", "Othmane", "Ayoub", "Mehdi"],
        s=["El Idrissi", "Bennani", "Tazi", "Alaoui", "Berrada", "Chraibi", "Benjelloun"],
        places=["Fès", "Meknès", "Agadir", "Tétouan", "Oujda"],
        lang="fr",
        fr="MAROC",
        en="MOROCCO",
        insee="350",
    ),
    "IND": dict(
        f=["Priya", "Ananya", "Kavya", "Meera", "Divya"],
        m=["Aarav", "Rohan", "Vikram", "Arjun", "Karthik"],
        s=["Raghunathan", "Deshpande", "Iyer", "Kulkarni", "Bhattacharya", "Menon"],
        places=["Pune, Maharashtra", "Kochi, Kerala", "Jaipur, Rajasthan", "Mysuru, Karnataka"],
        lang="en",
        fr="INDE",
        en="INDIA",
        insee="223",
    ),
    "CHN": dict(
        f=["Xiaoling", "Yutong", "Jiahui", "Ruoxi", "Mengyao"],
        m=["Wei", "Haoran", "Zimo", "Yuchen", "Junjie"],
        s=["Zhang", "Liu", "Chen", "Huang", "Zhou", "Xu"],
        places=["Chengdu, Sichuan", "Hangzhou, Zhejiang", "Xiamen, Fujian", "Kunming, Yunnan"],
        lang="en",
        fr="CHINE",
        en="CHINA",
        insee="216",
    ),
    "MEX": dict(
        f=["María Fernanda", "Valeria", "Ximena", "Daniela"],
        m=["José Luis", "Diego", "Alejandro", "Emiliano"],
        s=["Hernández Ruiz", "García López", "Ramírez Ortega", "Castañeda", "Villalobos"],
        places=["Puebla", "Guadalajara, Jalisco", "Oaxaca de Juárez", "Mérida, Yucatán"],
        lang="es",
        fr="MEXIQUE",
        en="MEXICO",
        insee="405",
    ),
    "COL": dict(
        f=["Laura Sofía", "Camila", "Natalia", "Juliana"],
        m=["Andrés Felipe", "Santiago", "Sebastián", "Julián"],
        s=["Restrepo", "Gómez Cárdenas", "Quintero", "Arango", "Zuluaga"],
        places=["Medellín", "Cali", "Bucaramanga", "Manizales"],
        lang="es",
        fr="COLOMBIE",
        en="COLOMBIA",
        insee="419",
    ),
    "SEN": dict(
        f=["Awa", "Fatou", "Aminata", "Khady"],
        m=["Moussa", "Cheikh", "Ibrahima", "Mamadou"],
        s=["Diop", "Ndiaye", "Fall", "Sarr", "Gueye", "Faye"],
        places=["Thiès", "Saint-Louis", "Kaolack", "Ziguinchor"],
        lang="fr",
        fr="SÉNÉGAL",
        en="SENEGAL",
        insee="341",
    ),
    "TUN": dict(
        f=["Yasmine", "Rania", "Nour", "Sarra"],
        m=["Mohamed Amine", "Skander", "Aziz", "Wassim"],
        s=["Ben Salah", "Trabelsi", "Gharbi", "Jebali", "Mansouri"],
        places=["Sfax", "Sousse", "Bizerte", "Gabès"],
        lang="fr",
        fr="TUNISIE",
        en="TUNISIA",
        insee="351",
    ),
    "DEU": dict(
        f=["Lena", "Marie", "Hannah", "Johanna", "Greta"],
        m=["Lukas", "Jonas", "Felix", "Maximilian", "Tobias"],
        s=["Müller", "Schröder", "Hoffmann", "Wagner", "Becker", "Krüger", "Weiß"],
        places=["Leipzig", "Kassel", "Freiburg im Breisgau", "Rostock"],
        lang="de",
        fr="ALLEMAGNE",
        en="GERMANY",
        insee="109",
    ),
    "ITA": dict(
        f=["Giulia", "Chiara", "Francesca", "Martina"],
        m=["Matteo", "Lorenzo", "Alessandro", "Davide"],
        s=["Ferraro", "Esposito", "Colombo", "Ricci", "Marchetti", "De Luca"],
        places=["Bologna", "Bari", "Verona", "Perugia"],
        lang="it",
        fr="ITALIE",
        en="ITALY",
        insee="127",
    ),
    "ESP": dict(
        f=["Lucía", "Carmen", "Marta", "Paula"],
        m=["Pablo", "Javier", "Álvaro", "Sergio"],
        s=["Fernández Gil", "Navarro", "Jiménez Soto", "Muñoz", "Iglesias Prado"],
        places=["Zaragoza", "Valladolid", "Córdoba", "Alicante"],
        lang="es",
        fr="ESPAGNE",
        en="SPAIN",
        insee="134",
    ),
    "BEL": dict(
        f=["Louise", "Elise", "Manon"],
        m=["Arthur", "Victor", "Jules"],
        s=["Peeters", "Janssens", "Dubois", "Lambrechts", "Claes"],
        places=["Liège", "Namur", "Gent", "Leuven"],
        lang="fr",
        fr="BELGIQUE",
        en="BELGIUM",
        insee="131",
    ),
    "NLD": dict(
        f=["Sanne", "Fleur", "Anouk"],
        m=["Daan", "Bram", "Sem"],
        s=["de Vries", "van Dijk", "Bakker", "Visser", "Smit"],
        places=["Utrecht", "Groningen", "Eindhoven"],
        lang="nl",
        fr="PAYS-BAS",
        en="NETHERLANDS",
        insee="135",
    ),
    "FRA": dict(
        f=["Camille", "Élodie", "Margaux", "Chloé", "Anaïs", "Léa"],
        m=["Julien", "Théo", "Nicolas", "Antoine", "Mathis", "Hugo"],
        s=[
            "Lefèvre",
            "Garnier",
            "Rousseau",
            "Morel",
            "Fontaine",
            "Chevalier",
            "Girard",
            "Mercier",
            "Lambert",
            "Bonnet",
        ],
        places=["Nantes", "Limoges", "Besançon", "Poitiers", "Angers"],
        lang="fr",
        fr="FRANCE",
        en="FRANCE",
        insee="100",
    ),
}


NATIONS.update(
    {
        "DZA": dict(
            f=["Amel", "Lydia", "Nesrine", "Sabrina"],
            m=["Karim", "Riad", "Yacine", "Sofiane"],
            s=["Belkacem", "Boudiaf", "Haddad", "Mebarki", "Benali", "Cherif"],
            places=["Oran", "Constantine", "Annaba", "Tlemcen", "Sétif"],
            lang="fr",
            fr="ALGÉRIE",
            en="ALGERIA",
            insee="352",
        ),
        "CMR": dict(
            f=["Brenda", "Nadège", "Laure", "Ange"],
            m=["Franck", "Boris", "Arnaud", "Serge"],
            s=["Mbarga", "Nkoulou", "Tchoupo", "Ndongo", "Fotso", "Kamga"],
            places=["Douala", "Yaoundé", "Bafoussam", "Garoua"],
            lang="fr",
            fr="CAMEROUN",
            en="CAMEROON",
            insee="322",
        ),
        "CIV": dict(
            f=["Aya", "Mariam", "Adjoa", "Christelle"],
            m=["Koffi", "Yao", "Ibrahim", "Didier"],
            s=["Kouassi", "Konan", "Traoré", "Koné", "Bamba", "N'Guessan"],
            places=["Abidjan", "Bouaké", "Yamoussoukro", "San-Pédro"],
            lang="fr",
            fr="CÔTE D'IVOIRE",
            en="COTE D'IVOIRE",
            insee="326",
        ),
        "VNM": dict(
            f=["Thị Lan", "Ngọc Anh", "Thu Hà", "Minh Thư"],
            m=["Văn Minh", "Quốc Huy", "Đức Anh", "Thành Long"],
            s=["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ"],
            places=["Hà Nội", "Hải Phòng", "Đà Nẵng", "Huế"],
            lang="en",
            fr="VIET NAM",
            en="VIET NAM",
            insee="243",
        ),
        "PHL": dict(
            f=["Maria Clara", "Kristine", "Angelica", "Joy"],
            m=["Mark Anthony", "John Paul", "Rodel", "Carlo"],
            s=["Santos", "Reyes", "Dela Cruz", "Bautista", "Villanueva", "Mendoza"],
            places=["Quezon City", "Cebu City", "Davao City", "Iloilo City"],
            lang="en",
            fr="PHILIPPINES",
            en="PHILIPPINES",
            insee="220",
        ),
        "TUR": dict(
            f=["Elif", "Zeynep", "Ayşe", "Büşra"],
            m=["Mehmet", "Emre", "Burak", "Oğuz"],
            s=["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk"],
            places=["Ankara", "İzmir", "Bursa", "Konya"],
            lang="en",
            fr="TURQUIE",
            en="TURKIYE",
            insee="208",
        ),
        "UKR": dict(
            f=["Olena", "Iryna", "Kateryna", "Yuliia"],
            m=["Oleksandr", "Dmytro", "Andrii", "Serhii"],
            s=["Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Melnyk"],
            places=["Kharkiv", "Lviv", "Odesa", "Dnipro"],
            lang="en",
            fr="UKRAINE",
            en="UKRAINE",
            insee="155",
        ),
        "PER": dict(
            f=["Rosa María", "Milagros", "Fiorella", "Lucero"],
            m=["Luis Alberto", "Jhon", "Renzo", "César"],
            s=["Quispe Mamani", "Flores", "Huamán", "Ccori", "Rojas Vargas"],
            places=["Arequipa", "Cusco", "Trujillo", "Piura"],
            lang="es",
            fr="PÉROU",
            en="PERU",
            insee="432",
        ),
        "ARG": dict(
            f=["Florencia", "Agustina", "Micaela", "Rocío"],
            m=["Matías", "Facundo", "Nicolás", "Gonzalo"],
            s=["González", "Rodríguez", "Fernández", "Pereyra", "Acosta"],
            places=["Córdoba", "Rosario", "Mendoza", "La Plata"],
            lang="es",
            fr="ARGENTINE",
            en="ARGENTINA",
            insee="415",
        ),
        "HTI": dict(
            f=["Widlyne", "Marie-Ange", "Roseline", "Nadège"],
            m=["Jean-Robert", "Wilson", "Frantz", "Ronald"],
            s=["Pierre-Louis", "Joseph", "Jean-Baptiste", "Célestin", "Dorvil"],
            places=["Port-au-Prince", "Cap-Haïtien", "Jacmel", "Les Cayes"],
            lang="fr",
            fr="HAÏTI",
            en="HAITI",
            insee="336",
        ),
        "GBR": dict(
            f=["Olivia", "Amelia", "Charlotte", "Poppy"],
            m=["Oliver", "Harry", "George", "Alfie"],
            s=["Thompson", "Hughes", "Whitmore", "Ashworth", "Pennington"],
            places=["Leeds", "Bristol", "Norwich", "Sheffield"],
            lang="en",
            fr="ROYAUME-UNI",
            en="UNITED KINGDOM",
            insee="132",
        ),
        "CAN": dict(
            f=["Chloé", "Sarah", "Émilie", "Megan"],
            m=["Félix", "Liam", "Samuel", "Ethan"],
            s=["Tremblay", "Gagnon", "Bouchard", "MacDonald", "Côté"],
            places=["Montréal", "Québec", "Ottawa", "Winnipeg"],
            lang="en",
            fr="CANADA",
            en="CANADA",
            insee="401",
        ),
        "NGA": dict(
            f=["Chiamaka", "Adaeze", "Funmilayo", "Ngozi"],
            m=["Chinedu", "Oluwaseun", "Emeka", "Tunde"],
            s=["Okafor", "Adeyemi", "Okonkwo", "Balogun", "Eze"],
            places=["Lagos", "Ibadan", "Enugu", "Kano"],
            lang="en",
            fr="NIGERIA",
            en="NIGERIA",
            insee="338",
        ),
        "LBN": dict(
            f=["Rita", "Nour", "Maya", "Carla"],
            m=["Georges", "Karim", "Fadi", "Elie"],
            s=["Khoury", "Haddad", "Saad", "Nassar", "Frem"],
            places=["Beyrouth", "Tripoli", "Saïda", "Zahlé"],
            lang="fr",
            fr="LIBAN",
            en="LEBANON",
            insee="205",
        ),
        "PRT": dict(
            f=["Inês", "Beatriz", "Mariana", "Leonor"],
            m=["João", "Tiago", "Rodrigo", "Duarte"],
            s=["Silva", "Ferreira", "Pereira", "Costa", "Martins"],
            places=["Porto", "Braga", "Coimbra", "Faro"],
            lang="pt",
            fr="PORTUGAL",
            en="PORTUGAL",
            insee="139",
        ),
        "ROU": dict(
            f=["Andreea", "Ioana", "Elena", "Bianca"],
            m=["Andrei", "Mihai", "Alexandru", "Ionuț"],
            s=["Popescu", "Ionescu", "Dumitru", "Stan", "Constantin"],
            places=["Cluj-Napoca", "Iași", "Timișoara", "Brașov"],
            lang="en",
            fr="ROUMANIE",
            en="ROMANIA",
            insee="114",
        ),
        "POL": dict(
            f=["Zofia", "Agnieszka", "Katarzyna", "Magdalena"],
            m=["Jakub", "Mateusz", "Piotr", "Krzysztof"],
            s=["Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Zieliński"],
            places=["Kraków", "Wrocław", "Gdańsk", "Poznań"],
            lang="en",
            fr="POLOGNE",
            en="POLAND",
            insee="122",
        ),
    }
)

# nationalities used by some layout families only (not drawn for other documents)
NATIONS.update(
    {
        "KEN": dict(
            f=["Wanjiru", "Akinyi", "Njeri"],
            m=["Kamau", "Otieno", "Kipchoge"],
            s=["Mwangi", "Odhiambo", "Kariuki", "Wambua"],
            places=["Nakuru", "Kisumu", "Eldoret"],
            lang="en",
            fr="KENYA",
            en="KENYA",
            insee="332",
        ),
        "GHA": dict(
            f=["Akosua", "Efua", "Abena"],
            m=["Kwame", "Kofi", "Yaw"],
            s=["Mensah", "Owusu", "Boateng", "Asante"],
            places=["Kumasi", "Tamale", "Cape Coast"],
            lang="en",
            fr="GHANA",
            en="GHANA",
            insee="329",
        ),
        "CHL": dict(
            f=["Catalina", "Javiera", "Constanza"],
            m=["Benjamín", "Vicente", "Cristóbal"],
            s=["Muñoz Soto", "Contreras", "Sepúlveda Rojas", "Fuentes"],
            places=["Valparaíso", "Concepción", "Temuco"],
            lang="es",
            fr="CHILI",
            en="CHILE",
            insee="417",
        ),
        "BOL": dict(
            f=["Mariela", "Ximena", "Wara"],
            m=["Álvaro", "Wilfredo", "Marcelo"],
            s=["Mamani Condori", "Choque", "Gutiérrez Vaca"],
            places=["Cochabamba", "Sucre", "Oruro"],
            lang="es",
            fr="BOLIVIE",
            en="BOLIVIA",
            insee="418",
        ),
        "ALB": dict(
            f=["Arta", "Elira", "Besjana"],
            m=["Arben", "Ermal", "Klodian"],
            s=["Hoxha", "Shehu", "Kola", "Dervishi"],
            places=["Durrës", "Vlorë", "Shkodër"],
            lang="en",
            fr="ALBANIE",
            en="ALBANIA",
            insee="125",
        ),
        "SRB": dict(
            f=["Jelena", "Milica", "Ivana"],
            m=["Nikola", "Marko", "Stefan"],
            s=["Jovanović", "Petrović", "Nikolić", "Ilić"],
            places=["Novi Sad", "Niš", "Kragujevac"],
            lang="en",
            fr="SERBIE",
            en="SERBIA",
            insee="121",
        ),
        "AUT": dict(
            f=["Anna", "Katharina", "Sophie"],
            m=["Florian", "Lukas", "Stefan"],
            s=["Gruber", "Huber", "Pichler", "Steiner"],
            places=["Graz", "Linz", "Innsbruck"],
            lang="de",
            fr="AUTRICHE",
            en="AUSTRIA",
            insee="110",
        ),
        "SWE": dict(
            f=["Elsa", "Maja", "Astrid"],
            m=["Oskar", "Erik", "Lars"],
            s=["Lindqvist", "Johansson", "Åberg", "Nyström"],
            places=["Göteborg", "Uppsala", "Malmö"],
            lang="en",
            fr="SUÈDE",
            en="SWEDEN",
            insee="104",
        ),
        "FIN": dict(
            f=["Aino", "Eveliina", "Kaisa"],
            m=["Juhani", "Mikko", "Ville"],
            s=["Virtanen", "Mäkinen", "Korhonen", "Järvinen"],
            places=["Tampere", "Turku", "Oulu"],
            lang="en",
            fr="FINLANDE",
            en="FINLAND",
            insee="105",
        ),
        "CZE": dict(
            f=["Tereza", "Kateřina", "Lucie"],
            m=["Jiří", "Tomáš", "Ondřej"],
            s=["Novák", "Dvořák", "Černý", "Procházka"],
            places=["Brno", "Ostrava", "Plzeň"],
            lang="en",
            fr="TCHÉQUIE",
            en="CZECHIA",
            insee="116",
        ),
        "HRV": dict(
            f=["Ivana", "Petra", "Ana"],
            m=["Luka", "Ivan", "Josip"],
            s=["Horvat", "Kovačević", "Babić", "Marić"],
            places=["Split", "Rijeka", "Osijek"],
            lang="en",
            fr="CROATIE",
            en="CROATIA",
            insee="119",
        ),
        "LTU": dict(
            f=["Gabija", "Ieva", "Rūta"],
            m=["Mantas", "Tomas", "Lukas"],
            s=["Kazlauskas", "Petrauskas", "Jankauskas", "Stankevičius"],
            places=["Kaunas", "Klaipėda", "Šiauliai"],
            lang="en",
            fr="LITUANIE",
            en="LITHUANIA",
            insee="137",
        ),
    }
)

NON_EU_MORE = [
    "DZA",
    "CMR",
    "CIV",
    "VNM",
    "PHL",
    "TUR",
    "UKR",
    "PER",
    "ARG",
    "HTI",
    "GBR",
    "CAN",
    "NGA",
    "LBN",
]
EU_MORE = ["PRT", "ROU", "POL"]

NON_EU = ["USA", "BRA", "MAR", "IND", "CHN", "MEX", "COL", "SEN", "TUN"]
EU = ["DEU", "ITA", "ESP", "BEL", "NLD"]
# nationalities whose birth certificates are not in French (the dossier's applicant)
NON_FRENCH_CERT = ["USA", "BRA", "IND", "MEX", "COL"]

# French cities with their postcodes (street names below are invented)
CITIES = [
    ("Lyon", "69003"),
    ("Lyon", "69007"),
    ("Grenoble", "38000"),
    ("Lille", "59000"),
    ("Nantes", "44000"),
    ("Toulouse", "31400"),
    ("Montpellier", "34000"),
    ("Rennes", "35000"),
    ("Strasbourg", "67000"),
    ("Bordeaux", "33800"),
    ("Paris", "75011"),
    ("Paris", "75019"),
    ("Villeurbanne", "69100"),
    ("Dijon", "21000"),
]
STREETS = [
    "rue des Lilas",
    "avenue des Tilleuls",
    "rue du Moulin Vert",
    "impasse des Glycines",
    "boulevard de la Fontaine",
    "rue Pierre Vernet",
    "allée des Peupliers",
    "rue de la Tuilerie",
    "chemin des Coquelicots",
    "rue Émile Garnier",
    "place des Ormes",
    "rue des Trois Ponts",
    "quai des Mariniers",
]

FR_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
ES_MONTHS = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
PT_MONTHS = [
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
]
DE_MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
IT_MONTHS = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
]
MONTHS = {
    "fr": FR_MONTHS,
    "en": EN_MONTHS,
    "es": ES_MONTHS,
    "pt": PT_MONTHS,
    "de": DE_MONTHS,
    "it": IT_MONTHS,
}
ICAO_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
FR_ABBR = ["JAN", "FÉV", "MARS", "AVR", "MAI", "JUIN", "JUIL", "AOÛT", "SEPT", "OCT", "NOV", "DÉC"]


@dataclass(frozen=True)
class Address:
    number: str
    street: str
    postcode: str
    city: str
    extra: str = ""

    @property
    def line1(self) -> str:
        return f"{self.number} {self.street}"

    @property
    def line2(self) -> str:
        return f"{self.postcode} {self.city.upper()}"

    def oneline(self) -> str:
        extra = f", {self.extra}" if self.extra else ""
        return f"{self.line1}{extra}, {self.postcode} {self.city}"

    def as_dict(self) -> dict:
        return {
            "street": self.line1 + (f", {self.extra}" if self.extra else ""),
            "postcode": self.postcode,
            "city": self.city,
        }


@dataclass
class Person:
    surname: str
    given_names: str
    sex: str  # M / F
    birth_date: date
    birth_place: str
    nationality: str  # ICAO code
    address: Address
    father: str = ""
    mother: str = ""
    extras: dict = field(default_factory=dict)

    @property
    def first_name(self) -> str:
        return self.given_names.split()[0]

    @property
    def full_name(self) -> str:  # "Emily Rose WHITFIELD"
        return f"{self.given_names} {self.surname.upper()}"

    @property
    def formal(self) -> str:  # "WHITFIELD Emily Rose"
        return f"{self.surname.upper()} {self.given_names}"

    @property
    def civility(self) -> str:
        return "M." if self.sex == "M" else "Mme"

    @property
    def birth_country_fr(self) -> str:
        return NATIONS[self.nationality]["fr"]

    def truth(self) -> dict:
        return {
            "surname": self.surname.upper(),
            "given_names": self.given_names.upper(),
            "birth_date": self.birth_date.isoformat(),
            "sex": self.sex,
            "nationality": self.nationality,
        }


def make_address(rng: random.Random) -> Address:
    city, pc = rng.choice(CITIES)
    extra = rng.choice(["", "", "", f"Bât. {rng.choice('ABC')}", f"Apt {rng.randint(2, 48)}"])
    return Address(
        str(rng.randint(1, 148)) + rng.choice(["", "", "", " bis"]),
        rng.choice(STREETS),
        pc,
        city,
        extra,
    )


def make_person(
    rng: random.Random,
    nationality: str,
    as_of: date,
    min_age: int = 19,
    max_age: int = 52,
    sex: str | None = None,
) -> Person:
    n = NATIONS[nationality]
    sex = sex or rng.choice("MF")
    given = rng.choice(n["m"] if sex == "M" else n["f"])
    surname = rng.choice(n["s"])
    age_days = rng.randint(min_age * 365 + 10, max_age * 365)
    birth = as_of - timedelta(days=age_days)
    father_surname = surname.split()[0] if nationality in ("BRA", "MEX", "COL", "ESP") else surname
    father = f"{rng.choice(n['m'])} {father_surname}"
    mother_surname = rng.choice([s for s in n["s"] if s != surname])
    if nationality == "BRA":
        mother_surname = surname.split()[-1] if " " in surname else mother_surname
    mother = f"{rng.choice(n['f'])} {mother_surname}"
    return Person(
        surname,
        given,
        sex,
        birth,
        rng.choice(n["places"]),
        nationality,
        make_address(rng),
        father,
        mother,
    )


# --------------------------------------------------------------------------- dates


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    m += 1
    last = [
        31,
        29 if (y % 4 == 0 and (y % 100 or y % 400 == 0)) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][m - 1]
    return date(y, m, min(d.day, last))


def month_end(d: date) -> date:
    return add_months(d.replace(day=1), 1) - timedelta(days=1)


def fmt_date(d: date, style: str, lang: str = "fr") -> str:
    """Date in one of several human formats."""
    if style == "num":
        return d.strftime("%d/%m/%Y")
    if style == "dot":
        return d.strftime("%d.%m.%Y")
    if style == "dash":
        return d.strftime("%d-%m-%Y")
    if style == "iso":
        return d.isoformat()
    if style == "long":
        months = MONTHS[lang]
        if lang == "fr":
            day = "1er" if d.day == 1 else str(d.day)
            return f"{day} {months[d.month - 1]} {d.year}"
        if lang == "en":
            return f"{d.day} {months[d.month - 1]} {d.year}"
        if lang == "de":
            return f"{d.day}. {months[d.month - 1]} {d.year}"
        return f"{d.day} de {months[d.month - 1]} de {d.year}"
    if style == "us":  # "April 12, 1990"
        return f"{EN_MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "icao":  # "12 APR 1990"
        return f"{d.day:02d} {ICAO_MONTHS[d.month - 1]} {d.year}"
    if style == "icao-fr":  # "12 AVR/APR 1990"
        fr = FR_ABBR[d.month - 1]
        en = ICAO_MONTHS[d.month - 1]
        mon = en if fr == en else f"{fr}/{en}"
        return f"{d.day:02d} {mon} {d.year}"
    if style == "icao-short":  # "12 APR 90"
        return f"{d.day:02d} {ICAO_MONTHS[d.month - 1]} {d.strftime('%y')}"
    raise ValueError(style)


def month_name(d: date, lang: str = "fr") -> str:
    return f"{MONTHS[lang][d.month - 1]} {d.year}"


def money(v: float, style: str = "fr") -> str:
    s = f"{v:,.2f}"
    if style == "fr":
        return s.replace(",", " ").replace(".", ",") + " €"
    return "€" + s


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def alnum(rng: random.Random, n: int, alphabet: str = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789") -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))
