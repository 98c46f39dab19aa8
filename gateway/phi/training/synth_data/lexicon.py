"""Word lists for the synthetic PHI corpus.

Lists whose name ends in `_TRAIN` are used by both splits; `_TEST` lists are held
out: only `split="test"` draws from them, so the test split contains names, places
and phrasings the training split never showed. Lists without a suffix are shared.
All tuples (never sets) so that iteration order, and hence the output, is fixed.
"""
from __future__ import annotations

# --------------------------------------------------------------------------- names

# Faker person-provider locales (Latin script, or transliterated / romanized below),
# with sampling weights. Names are read from the providers' bundled lists.
NAME_LOCALES_TRAIN = (
    ("en_US", 34), ("es_MX", 12), ("en_GB", 5), ("en_IN", 5), ("pt_BR", 5), ("vi_VN", 3),
    ("en_IE", 3), ("fr_FR", 3), ("de_DE", 3), ("it_IT", 3), ("pl_PL", 2), ("nl_NL", 2),
    ("yo_NG", 2), ("ru_RU", 2), ("es_ES", 2), ("ja_JP", 1), ("sv_SE", 1), ("tr_TR", 1),
    ("ga_IE", 1),
)
NAME_LOCALES_TEST = (
    ("es_CO", 3), ("pt_PT", 2), ("fr_CA", 2), ("es_AR", 2), ("es_CL", 2), ("tw_GH", 2),
    ("zh_CN", 2), ("uk_UA", 2), ("el_GR", 2), ("da_DK", 1), ("fi_FI", 1), ("hu_HU", 1),
    ("ro_RO", 1), ("cs_CZ", 1), ("hr_HR", 1), ("sk_SK", 1), ("lt_LT", 1), ("zu_ZA", 1),
    ("id_ID", 1), ("en_TH", 1), ("de_AT", 1), ("nl_BE", 1),
)
# Share of test-split names drawn from the held-out pools (the rest from the shared ones).
TEST_HELDOUT_NAME_SHARE = 0.45

# Faker's vi_VN provider has placeholder given names; these are common Vietnamese ones.
VI_GIVEN_FEMALE = ("Anh", "Hương", "Lan", "Linh", "Mai", "Ngọc", "Phương", "Thảo", "Trang", "Thu",
                   "Hạnh", "Hoa", "Hằng", "Nhung", "Yến", "Vy", "Trinh", "Diễm", "Loan", "Tuyết")
VI_GIVEN_MALE = ("Minh", "Tuấn", "Hùng", "Dũng", "Nam", "Quang", "Huy", "Long", "Phúc", "Khoa",
                 "Thắng", "Bảo", "Cường", "Đức", "Hải", "Sơn", "Tâm", "Trung", "Vinh", "Khang")

CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "yo", "є": "ye",
    "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh",
    "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "'": "",
}
GREEK_TO_LATIN = {
    "α": "a", "ά": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "έ": "e", "ζ": "z", "η": "i",
    "ή": "i", "θ": "th", "ι": "i", "ί": "i", "ϊ": "i", "ΐ": "i", "κ": "k", "λ": "l", "μ": "m",
    "ν": "n", "ξ": "x", "ο": "o", "ό": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t",
    "υ": "y", "ύ": "y", "ϋ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o", "ώ": "o",
}

# Given names and surnames that are also ordinary English (or clinical) words. They get
# PERSON labels when used as names; the same words appear unlabelled in WORD_NEGATIVES.
WORD_FIRST_NAMES_TRAIN = (
    ("Rose", "F"), ("Hope", "F"), ("Faith", "F"), ("May", "F"), ("June", "F"), ("Joy", "F"),
    ("Dawn", "F"), ("Sky", "F"), ("Grace", "F"), ("Ivy", "F"), ("Will", "M"), ("Bill", "M"),
    ("Mark", "M"), ("Grant", "M"), ("Hunter", "M"), ("Wade", "M"), ("Rich", "M"), ("Lane", "M"),
    ("Gray", "M"), ("Bob", "M"), ("Pat", "F"), ("Sue", "F"),
)
WORD_FIRST_NAMES_TEST = (
    ("Summer", "F"), ("Autumn", "F"), ("Amber", "F"), ("Pearl", "F"), ("Iris", "F"), ("Crystal", "F"),
    ("Angel", "M"), ("Chase", "M"), ("Cash", "M"), ("Drew", "M"), ("Miles", "M"), ("Art", "M"),
    ("Guy", "M"), ("Sterling", "M"), ("Destiny", "F"), ("Patience", "F"),
)
WORD_SURNAMES_TRAIN = (
    "Young", "Brown", "Price", "Black", "Rich", "Grant", "Hunter", "Wade", "Gray", "Lane", "Cook",
    "Page", "Banks", "White", "Green", "Long", "Little", "Strong", "King", "Bishop", "Cross",
    "Love", "Sharp", "Best", "Hill", "Wood", "Ford", "Marsh", "Brooks", "Hall", "Bell", "Wells",
    "Rivers", "Fields", "Frank", "Moody", "Bush", "Small",
)
WORD_SURNAMES_TEST = (
    "Baker", "Fisher", "Mason", "Walker", "Winter", "Golden", "Moon", "Noble", "Snow", "Stone",
    "Wise", "Church", "Pope", "Friend", "Hardy", "Day", "Early", "Fair", "Rice", "Chase", "Cash",
    "Miles", "Sterling", "Carpenter", "Savage", "Street",
)

# Surnames with particles, apostrophes, Mc/Mac prefixes.
PARTICLE_SURNAMES_TRAIN = (
    "van der Berg", "de la Cruz", "O'Connor", "McDonald", "MacLeod", "D'Angelo", "St. Pierre",
    "De Jesus", "del Rosario", "dos Santos", "da Silva", "van Dijk", "von Hoffmann", "Le Blanc",
    "Di Napoli", "O'Brien", "McCarthy", "O'Neill", "MacKenzie", "De Souza", "van Houten",
    "de León", "O'Malley", "McGee", "DeLuca", "LaFleur", "Van Buren", "al-Hassan",
)
PARTICLE_SURNAMES_TEST = (
    "ten Boom", "de los Santos", "O'Sullivan", "McAllister", "La Rosa", "Van Ness", "dela Peña",
    "St. John", "D'Souza", "Mac Donnacha", "El-Amin", "de Vries", "van den Broek", "O'Shaughnessy",
    "MacGregor", "D'Amato", "Della Valle", "du Plessis", "ben David", "von Trapp",
)
NAME_SUFFIXES = ("Jr.", "Sr.", "II", "III", "IV", "Jr")
MIDDLE_INITIALS = "ABCDEFGHJKLMNPRSTW"

# Nicknames for casual mentions and e-mail local parts.
NICKNAMES = {
    "William": "Bill", "Robert": "Bob", "Richard": "Rich", "Patricia": "Pat", "Susan": "Sue",
    "Elizabeth": "Liz", "Margaret": "Peggy", "James": "Jim", "Joseph": "Joe", "Michael": "Mike",
    "Katherine": "Kate", "Jennifer": "Jen", "Thomas": "Tom", "Christopher": "Chris",
    "Daniel": "Dan", "Anthony": "Tony", "Deborah": "Deb", "Rebecca": "Becky", "Francisco": "Paco",
    "José": "Pepe", "Alejandro": "Alex", "Guadalupe": "Lupe", "Dolores": "Lola",
}

TITLES_M = ("Mr.", "Mr")
TITLES_F = ("Mrs.", "Ms.", "Ms", "Mrs", "Miss")

# --------------------------------------------------------------------------- places

STATES = (  # (abbreviation, full name, ZIP first digit)
    ("MA", "Massachusetts", "0"), ("RI", "Rhode Island", "0"), ("NH", "New Hampshire", "0"),
    ("ME", "Maine", "0"), ("VT", "Vermont", "0"), ("CT", "Connecticut", "0"), ("NJ", "New Jersey", "0"),
    ("NY", "New York", "1"), ("PA", "Pennsylvania", "1"), ("DE", "Delaware", "1"),
    ("MD", "Maryland", "2"), ("VA", "Virginia", "2"), ("NC", "North Carolina", "2"),
    ("SC", "South Carolina", "2"), ("WV", "West Virginia", "2"), ("DC", "District of Columbia", "2"),
    ("GA", "Georgia", "3"), ("FL", "Florida", "3"), ("AL", "Alabama", "3"), ("TN", "Tennessee", "3"),
    ("MS", "Mississippi", "3"), ("KY", "Kentucky", "4"), ("OH", "Ohio", "4"), ("IN", "Indiana", "4"),
    ("MI", "Michigan", "4"), ("IA", "Iowa", "5"), ("WI", "Wisconsin", "5"), ("MN", "Minnesota", "5"),
    ("MT", "Montana", "5"), ("IL", "Illinois", "6"), ("MO", "Missouri", "6"), ("KS", "Kansas", "6"),
    ("NE", "Nebraska", "6"), ("LA", "Louisiana", "7"), ("AR", "Arkansas", "7"), ("OK", "Oklahoma", "7"),
    ("TX", "Texas", "7"), ("CO", "Colorado", "8"), ("AZ", "Arizona", "8"), ("NM", "New Mexico", "8"),
    ("UT", "Utah", "8"), ("NV", "Nevada", "8"), ("ID", "Idaho", "8"), ("CA", "California", "9"),
    ("OR", "Oregon", "9"), ("WA", "Washington", "9"), ("AK", "Alaska", "9"), ("HI", "Hawaii", "9"),
)

# Real US cities with their states. Several are also given names (Lowell, Quincy, Austin,
# Charlotte, Madison, Tyler, Marion, Florence, Jackson, Warren, Eugene, Lincoln...).
CITIES_TRAIN = (
    ("Boston", "MA"), ("Worcester", "MA"), ("Springfield", "MA"), ("Lowell", "MA"), ("Cambridge", "MA"),
    ("Quincy", "MA"), ("Lynn", "MA"), ("Brockton", "MA"), ("New Bedford", "MA"), ("Fall River", "MA"),
    ("Chelsea", "MA"), ("Revere", "MA"), ("Framingham", "MA"), ("Lawrence", "MA"), ("Somerville", "MA"),
    ("Providence", "RI"), ("Pawtucket", "RI"), ("Hartford", "CT"), ("New Haven", "CT"),
    ("Manchester", "NH"), ("Nashua", "NH"), ("Portland", "ME"), ("Burlington", "VT"),
    ("Albany", "NY"), ("Buffalo", "NY"), ("Yonkers", "NY"), ("Newark", "NJ"), ("Paterson", "NJ"),
    ("Philadelphia", "PA"), ("Pittsburgh", "PA"), ("Allentown", "PA"), ("Baltimore", "MD"),
    ("Richmond", "VA"), ("Norfolk", "VA"), ("Charlotte", "NC"), ("Raleigh", "NC"), ("Durham", "NC"),
    ("Atlanta", "GA"), ("Savannah", "GA"), ("Miami", "FL"), ("Orlando", "FL"), ("Tampa", "FL"),
    ("Jacksonville", "FL"), ("Hialeah", "FL"), ("Nashville", "TN"), ("Memphis", "TN"),
    ("Louisville", "KY"), ("Columbus", "OH"), ("Cleveland", "OH"), ("Cincinnati", "OH"),
    ("Dayton", "OH"), ("Detroit", "MI"), ("Flint", "MI"), ("Lansing", "MI"), ("Indianapolis", "IN"),
    ("Chicago", "IL"), ("Joliet", "IL"), ("Milwaukee", "WI"), ("Madison", "WI"),
    ("Minneapolis", "MN"), ("St. Paul", "MN"), ("St. Louis", "MO"), ("Kansas City", "MO"),
    ("Omaha", "NE"), ("Houston", "TX"), ("Dallas", "TX"), ("San Antonio", "TX"), ("Austin", "TX"),
    ("El Paso", "TX"), ("Tyler", "TX"), ("Laredo", "TX"), ("Tulsa", "OK"), ("New Orleans", "LA"),
    ("Lafayette", "LA"), ("Little Rock", "AR"), ("Jackson", "MS"), ("Denver", "CO"), ("Aurora", "CO"),
    ("Phoenix", "AZ"), ("Tucson", "AZ"), ("Mesa", "AZ"), ("Albuquerque", "NM"), ("Las Vegas", "NV"),
    ("Salt Lake City", "UT"), ("Boise", "ID"), ("Seattle", "WA"), ("Tacoma", "WA"), ("Spokane", "WA"),
    ("Eugene", "OR"), ("Salem", "OR"), ("Sacramento", "CA"), ("Fresno", "CA"), ("Oakland", "CA"),
    ("San Jose", "CA"), ("San Diego", "CA"), ("Los Angeles", "CA"), ("Long Beach", "CA"),
    ("Anchorage", "AK"), ("Honolulu", "HI"),
)
CITIES_TEST = (
    ("Brookline", "MA"), ("Malden", "MA"), ("Everett", "MA"), ("Methuen", "MA"), ("Marion", "OH"),
    ("Florence", "SC"), ("Warren", "MI"), ("Lincoln", "NE"), ("Troy", "NY"), ("Franklin", "TN"),
    ("Chester", "PA"), ("Camden", "NJ"), ("Trenton", "NJ"), ("Stamford", "CT"), ("Waterbury", "CT"),
    ("Woonsocket", "RI"), ("Bangor", "ME"), ("Rutland", "VT"), ("Scranton", "PA"), ("Erie", "PA"),
    ("Wilmington", "DE"), ("Roanoke", "VA"), ("Greenville", "SC"), ("Macon", "GA"), ("Mobile", "AL"),
    ("Gainesville", "FL"), ("Lexington", "KY"), ("Toledo", "OH"), ("Akron", "OH"), ("Gary", "IN"),
    ("Peoria", "IL"), ("Rockford", "IL"), ("Duluth", "MN"), ("Topeka", "KS"), ("Wichita", "KS"),
    ("Shreveport", "LA"), ("Lubbock", "TX"), ("McAllen", "TX"), ("Odessa", "TX"), ("Pueblo", "CO"),
    ("Flagstaff", "AZ"), ("Reno", "NV"), ("Provo", "UT"), ("Billings", "MT"), ("Bellingham", "WA"),
    ("Medford", "OR"), ("Bakersfield", "CA"), ("Modesto", "CA"), ("Riverside", "CA"), ("Hilo", "HI"),
)
NEIGHBORHOODS_TRAIN = (
    "Dorchester", "Roxbury", "Jamaica Plain", "Mattapan", "Charlestown", "the South End",
    "East Boston", "Allston", "Brighton", "Hyde Park", "Back Bay", "Roslindale", "South Boston",
    "the Bronx", "Harlem", "Flatbush", "Bushwick", "Astoria", "Washington Heights", "Pilsen",
    "Little Village", "Little Havana", "Overtown", "Fishtown", "Kensington", "the Mission District",
    "the Tenderloin", "Capitol Hill", "Five Points", "Fells Point", "Over-the-Rhine",
)
NEIGHBORHOODS_TEST = (
    "West Roxbury", "Mission Hill", "Fenway", "the North End", "Chinatown", "Bed-Stuy",
    "Sunset Park", "Jackson Heights", "Humboldt Park", "Wicker Park", "Wynwood", "Germantown",
    "Boyle Heights", "Koreatown", "Ballard", "Five Corners", "Uphams Corner", "Codman Square",
)
COUNTIES_TRAIN = (
    "Suffolk County", "Middlesex County", "Norfolk County", "Essex County", "Worcester County",
    "Hampden County", "Bristol County", "Plymouth County", "Cook County", "Kings County",
    "Harris County", "Maricopa County", "Los Angeles County", "Miami-Dade County", "King County",
    "Cuyahoga County", "Wayne County", "Allegheny County", "Franklin County", "Fulton County",
)
COUNTIES_TEST = (
    "Barnstable County", "Berkshire County", "Hampshire County", "Providence County",
    "Hartford County", "Westchester County", "Bexar County", "Dallas County", "Clark County",
    "Orange County", "Pima County", "Hennepin County", "Shelby County", "Jefferson County",
)
STREET_NAMES_TRAIN = (
    "Main", "Elm", "Washington", "Centre", "Maple", "Oak", "Pine", "Park", "Highland", "Pleasant",
    "Union", "School", "Church", "Spring", "Summer", "Prospect", "Chestnut", "Walnut", "Columbia",
    "Blue Hill", "Dudley", "Tremont", "Harrison", "Beacon", "Commonwealth", "Massachusetts",
    "Broadway", "Lincoln", "Franklin", "Adams", "Jefferson", "Madison", "Cedar", "Hillside",
    "Lake", "River", "Water", "Bridge", "Mill", "Forest", "Sunset", "Meadow", "Cherry", "Orchard",
    "Martin Luther King Jr", "Dr. Martin Luther King Jr", "Fuller", "Dorchester", "Quincy",
)
STREET_NAMES_TEST = (
    "Hancock", "Bowdoin", "Geneva", "Norfolk", "Warren", "Seaver", "Humboldt", "Magnolia",
    "Sycamore", "Willow", "Birch", "Juniper", "Laurel", "Magazine", "Canal", "Ferry", "Mystic",
    "Revere Beach", "Cesar Chavez", "Shawmut",
)
STREET_TYPES = (
    "St", "St.", "Street", "Ave", "Ave.", "Avenue", "Rd", "Road", "Blvd", "Dr", "Drive", "Ln",
    "Lane", "Way", "Ct", "Pl", "Terrace", "Ter", "Pkwy", "Hwy", "Circle", "Sq",
)
UNIT_FORMS = ("Apt {n}", "Apt. {n}", "#{n}", "Unit {n}", "Apt {n}{L}", "Fl {f}", "Suite {n}", "# {n}", "Rm {n}")
COUNTRIES = (
    "Brazil", "Guatemala", "Haiti", "the Dominican Republic", "Cape Verde", "El Salvador", "Mexico",
    "India", "China", "Vietnam", "Nigeria", "Ireland", "Portugal", "Puerto Rico", "Somalia",
    "Ukraine", "Honduras", "Colombia", "Jamaica", "Canada", "the Philippines", "Italy",
)

# --------------------------------------------------------------------------- organizations

SAINT_NAMES = (
    "St. Elizabeth's", "St. Joseph's", "St. Luke's", "St. Vincent's", "St. Mary's", "St. Anne's",
    "St. Francis", "Mercy", "Good Samaritan", "Sacred Heart", "Holy Family", "Holy Cross",
    "Our Lady of Lourdes", "St. Jude", "Saint Anthony", "St. Catherine's",
)
PLACE_WORDS_TRAIN = (
    "Riverside", "Lakeview", "Northshore", "Bayview", "Valley", "Cedar Ridge", "Summit", "Pine Hill",
    "Harbor", "Greenfield", "Fairview", "Brookside", "Oakwood", "Westfield", "Eastside", "Hillcrest",
    "Meadowbrook", "Parkland", "Maplewood", "Seaside", "Southcoast", "Metrowest", "Milford",
)
PLACE_WORDS_TEST = (
    "Stonebridge", "Clearwater", "Silver Lake", "Kingsbridge", "Ashford", "Willowbrook", "Highpoint",
    "Crestview", "Millbrook", "Bayside", "Ridgewood", "Elmhurst", "Northgate", "Wellspring",
)
HOSPITAL_PATTERNS_TRAIN = (
    "{saint} Medical Center", "{saint} Hospital", "{place} General Hospital",
    "{place} Regional Medical Center", "{surname} Memorial Hospital", "{place} Community Hospital",
    "{city} Medical Center", "{city} General", "{place} Health", "{place} Medical Center",
)
HOSPITAL_PATTERNS_TEST = (
    "{saint} Regional Hospital", "{surname} Health System", "{place} Hospital Center",
    "{city} Memorial", "{place} University Hospital", "The {place} Hospital",
)
REAL_HOSPITALS = (  # public names; used with and without their short forms
    ("Brigham and Women's Hospital", "Brigham"), ("Massachusetts General Hospital", "MGH"),
    ("Boston Medical Center", "BMC"), ("Beth Israel Deaconess Medical Center", "BIDMC"),
    ("Tufts Medical Center", "Tufts"), ("Mayo Clinic", "Mayo"), ("Cleveland Clinic", "CCF"),
    ("Johns Hopkins Hospital", "Hopkins"), ("Mount Sinai Hospital", "Mount Sinai"),
    ("Cedars-Sinai Medical Center", "Cedars"), ("NYU Langone", "NYU"), ("Dana-Farber Cancer Institute", "Dana-Farber"),
    ("Lahey Hospital", "Lahey"), ("Cambridge Health Alliance", "CHA"), ("Faulkner Hospital", "Faulkner"),
)
CLINIC_PATTERNS_TRAIN = (
    "{place} Family Practice", "{surname} Pediatrics", "{place} Internal Medicine Associates",
    "{place} Cardiology Group", "{place} Health Center", "{hood} Community Health Center",
    "{place} Urgent Care", "{place} Physical Therapy", "{place} Dialysis Center", "{place} OB/GYN",
    "{place} Primary Care", "{surname} Family Medicine", "{place} Orthopedics",
)
CLINIC_PATTERNS_TEST = (
    "{surname} & {surname2} Orthopedics", "{place} Pulmonary Associates", "{place} Kidney Care",
    "{place} Neurology", "{surname} Eye Associates", "{place} Women's Health", "{place} Wound Clinic",
)
SNF_PATTERNS_TRAIN = (
    "{place} Rehabilitation & Nursing Center", "{place} Manor", "{saint} Home", "{place} Assisted Living",
    "{place} Skilled Nursing Facility", "{place} Healthcare Center", "{place} Rehab",
)
SNF_PATTERNS_TEST = ("The {place} at {place2}", "{place} Senior Living", "{place} Nursing & Rehabilitation", "{place} House")
HOME_HEALTH_PATTERNS = ("{place} VNA", "{place} Home Health", "{place} Hospice", "{place} Home Care")
PHARMACY_CHAINS = ("CVS", "Walgreens", "Rite Aid", "Walmart Pharmacy", "Costco Pharmacy", "Stop & Shop Pharmacy", "Kroger Pharmacy")
PHARMACY_INDEPENDENT = ("{surname}'s Pharmacy", "{place} Apothecary", "{place} Pharmacy", "{hood} Drug")
EMPLOYERS_TRAIN = (
    "Stop & Shop", "Amazon", "UPS", "the MBTA", "Dunkin'", "Home Depot", "Target", "Boston Public Schools",
    "Market Basket", "FedEx", "Starbucks", "Raytheon", "State Street", "Fidelity", "Verizon", "Walmart",
)
EMPLOYERS_TEST = ("Wegmans", "Lowe's", "Costco", "Eversource", "Comcast", "Marriott", "Chipotle", "DoorDash")
SCHOOL_PATTERNS = ("{place} Elementary School", "{surname} Middle School", "{place} High School", "{place} Community College")

# Not labelled (see the synth module docstring): payers and programs, manufacturers.
PAYERS = (
    "Medicare", "Medicaid", "MassHealth", "Blue Cross Blue Shield", "BCBS", "Aetna", "Cigna",
    "UnitedHealthcare", "Tufts Health Plan", "Harvard Pilgrim", "Humana", "Anthem", "Kaiser",
    "Medicare Advantage", "Tricare", "Medi-Cal", "Ambetter",
)
DEVICE_MAKERS = (
    ("Medtronic", ("Azure XT DR MRI SureScan", "Micra AV", "Cobalt XT ICD", "MiniMed 780G")),
    ("Boston Scientific", ("Accolade MRI", "Resonate EL ICD", "WATCHMAN FLX")),
    ("Abbott", ("Assurity MRI", "FreeStyle Libre 3", "HeartMate 3 LVAD", "Gallant ICD")),
    ("Dexcom", ("G6 transmitter", "G7 sensor")),
    ("Tandem", ("t:slim X2 insulin pump",)),
    ("Insulet", ("Omnipod 5 PDM",)),
    ("ResMed", ("AirSense 11 CPAP",)),
    ("Philips", ("DreamStation 2 CPAP", "Trilogy Evo ventilator")),
    ("Cochlear", ("Nucleus 8 processor",)),
    ("Zimmer", ("Persona knee",)),
    ("Stryker", ("Triathlon knee",)),
)
CARDIAC_DEVICE_MAKERS = ("Medtronic", "Boston Scientific", "Abbott", "Biotronik", "MicroPort")
EMAIL_DOMAINS = (
    "gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com", "icloud.com", "comcast.net",
    "verizon.net", "att.net", "protonmail.com", "msn.com", "live.com", "ymail.com",
)

# --------------------------------------------------------------------------- clinical vocabulary (unlabelled)

DRUGS = (  # (name, typical dose strings); several brand names look like given names or surnames
    ("Keflex", ("500 mg PO QID", "500 mg PO q6h")), ("Lasix", ("40 mg IV BID", "20 mg PO daily", "80 mg IV x1")),
    ("Ativan", ("0.5 mg PO q6h PRN anxiety", "1 mg IV x1")), ("Zofran", ("4 mg IV q6h PRN nausea", "4 mg ODT PRN")),
    ("Haldol", ("2 mg IM x1", "0.5 mg PO qHS")), ("Flomax", ("0.4 mg PO qHS",)),
    ("Eliquis", ("5 mg PO BID", "2.5 mg PO BID")), ("Jardiance", ("10 mg PO daily",)),
    ("Xarelto", ("20 mg PO daily with supper",)), ("Norco", ("5/325 1 tab PO q6h PRN pain",)),
    ("Percocet", ("5/325 1-2 tabs q4h PRN",)), ("Tylenol", ("650 mg PO q6h PRN", "1 g PO q8h")),
    ("Motrin", ("600 mg PO q6h PRN",)), ("Zoloft", ("50 mg PO daily",)), ("Lexapro", ("10 mg PO daily",)),
    ("Coumadin", ("5 mg PO qPM", "dose per INR")), ("Plavix", ("75 mg PO daily",)), ("Lipitor", ("40 mg PO qHS",)),
    ("Januvia", ("100 mg PO daily",)), ("Ozempic", ("0.5 mg SC weekly",)), ("Lantus", ("22 units SC qHS",)),
    ("Humalog", ("sliding scale AC/HS",)), ("Toprol XL", ("50 mg PO daily",)), ("Norvasc", ("10 mg PO daily",)),
    ("Synthroid", ("88 mcg PO daily",)), ("Protonix", ("40 mg PO daily",)), ("Seroquel", ("25 mg PO qHS PRN",)),
    ("Ambien", ("5 mg PO qHS PRN",)), ("Klonopin", ("0.5 mg PO BID",)), ("Dilaudid", ("0.5 mg IV q3h PRN",)),
    ("Narcan", ("4 mg intranasal PRN",)), ("Zosyn", ("3.375 g IV q8h",)), ("Cipro", ("500 mg PO BID",)),
    ("Bactrim DS", ("1 tab PO BID",)), ("Augmentin", ("875 mg PO BID",)), ("Flagyl", ("500 mg PO TID",)),
    ("Keppra", ("500 mg PO BID",)), ("Sinemet", ("25/100 1 tab PO TID",)), ("Aricept", ("10 mg PO qHS",)),
    ("Lovenox", ("40 mg SC daily", "1 mg/kg SC q12h")), ("Entresto", ("24/26 mg PO BID",)),
    ("Farxiga", ("10 mg PO daily",)), ("Spiriva", ("18 mcg inh daily",)), ("Symbicort", ("160/4.5 2 puffs BID",)),
    ("Allegra", ("180 mg PO daily",)), ("Celexa", ("20 mg PO daily",)), ("Paxil", ("20 mg PO daily",)),
    ("Valtrex", ("1 g PO TID",)), ("Lyrica", ("75 mg PO BID",)), ("Neurontin", ("300 mg PO TID",)),
    ("Kenalog", ("40 mg intra-articular x1",)), ("Depakote", ("500 mg PO BID",)), ("Lamictal", ("100 mg PO BID",)),
    ("metformin", ("500 mg PO BID", "1000 mg PO BID with meals")), ("lisinopril", ("10 mg PO daily", "20 mg PO daily")),
    ("amlodipine", ("5 mg PO daily",)), ("atorvastatin", ("80 mg PO qHS", "40 mg PO daily")),
    ("furosemide", ("40 mg PO daily", "40 mg IV BID")), ("metoprolol tartrate", ("25 mg PO BID",)),
    ("metoprolol succinate", ("50 mg PO daily",)), ("apixaban", ("5 mg PO BID",)), ("insulin glargine", ("18 units SC qHS",)),
    ("levothyroxine", ("75 mcg PO daily",)), ("pantoprazole", ("40 mg PO daily",)), ("heparin", ("900 units/hr IV", "5000 units SC q8h")),
    ("vancomycin", ("1250 mg IV q12h", "125 mg PO QID")), ("ceftriaxone", ("1 g IV q24h", "2 g IV daily")),
    ("prednisone", ("40 mg PO daily x5 days", "10 mg PO daily")), ("albuterol", ("2 puffs q4h PRN", "2.5 mg neb q4h PRN")),
    ("gabapentin", ("300 mg PO TID",)), ("sertraline", ("100 mg PO daily",)), ("tamsulosin", ("0.4 mg PO qHS",)),
    ("hydrochlorothiazide", ("25 mg PO daily",)), ("spironolactone", ("25 mg PO daily",)), ("aspirin", ("81 mg PO daily",)),
    ("potassium chloride", ("20 mEq PO daily", "40 mEq PO x1")), ("magnesium oxide", ("400 mg PO BID",)),
    ("senna", ("8.6 mg PO qHS",)), ("docusate", ("100 mg PO BID",)), ("polyethylene glycol", ("17 g PO daily",)),
    ("ondansetron", ("4 mg IV q8h PRN",)), ("oxycodone", ("5 mg PO q4h PRN",)), ("acetaminophen", ("650 mg PO q6h",)),
    ("enoxaparin", ("40 mg SC daily",)), ("warfarin", ("5 mg PO daily",)), ("donepezil", ("5 mg PO qHS",)),
    ("carbidopa-levodopa", ("25/100 PO TID",)), ("methotrexate", ("15 mg PO weekly",)), ("adalimumab", ("40 mg SC q2wk",)),
    ("nitroglycerin", ("0.4 mg SL q5min PRN chest pain",)), ("naloxone", ("0.4 mg IV PRN",)),
)
EPONYM_DISEASES = (
    "Parkinson's disease", "Crohn's disease", "Hashimoto's thyroiditis", "Bell's palsy", "Alzheimer's dementia",
    "Graves' disease", "Addison's disease", "Cushing's syndrome", "Hodgkin lymphoma", "Barrett's esophagus",
    "Stevens-Johnson syndrome", "Guillain-Barre syndrome", "Raynaud's phenomenon", "Sjogren's syndrome",
    "Lyme disease", "Wilson's disease", "Marfan syndrome", "Mallory-Weiss tear", "Epstein-Barr virus",
    "Baker's cyst", "Dupuytren's contracture", "Meniere's disease", "Wernicke's encephalopathy", "Horner syndrome",
    "Kaposi sarcoma", "Paget's disease", "Osgood-Schlatter disease", "Colles fracture",
)
EPONYM_SIGNS = (
    "Babinski sign", "Murphy's sign", "Homans sign", "Romberg sign", "Tinel's sign", "Phalen's test", "Lachman test",
    "Kernig sign", "Allen test", "McBurney's point tenderness", "Kussmaul respirations", "Cheyne-Stokes respirations",
    "Virchow's node", "Kerley B lines", "Coombs test", "Trendelenburg gait",
)
EPONYM_OTHER = (  # scores, devices, procedures
    "Glasgow Coma Scale", "Apgar", "Wells score", "Foley catheter", "Swan-Ganz catheter", "Whipple procedure",
    "Trendelenburg position", "Nissen fundoplication", "Roux-en-Y gastric bypass", "Hartmann's procedure",
    "Jackson-Pratt drain", "Penrose drain", "Holter monitor", "Doppler", "Gram stain", "Pap smear", "Hickman line",
    "Braden score", "Morse Fall Scale", "CHA2DS2-VASc score", "Child-Pugh class B", "MELD score", "Mini-Cog",
    "Epley maneuver", "Bishop score", "Gleason score", "Salter-Harris II fracture",
)
EPONYMS = EPONYM_DISEASES + EPONYM_SIGNS + EPONYM_OTHER
LABS = (  # (name, low, high, decimals, unit)
    ("K", 2.9, 5.9, 1, ""), ("Na", 126, 147, 0, ""), ("Cr", 0.6, 3.4, 1, "mg/dL"), ("BUN", 8, 64, 0, ""),
    ("HbA1c", 5.4, 11.8, 1, "%"), ("WBC", 3.1, 18.9, 1, ""), ("Hgb", 6.8, 15.9, 1, "g/dL"), ("Plt", 48, 420, 0, ""),
    ("INR", 0.9, 4.1, 1, ""), ("BNP", 40, 2900, 0, "pg/mL"), ("lactate", 0.7, 5.2, 1, ""), ("TSH", 0.2, 9.8, 2, "mIU/L"),
    ("LDL", 60, 190, 0, "mg/dL"), ("eGFR", 18, 98, 0, ""), ("glucose", 64, 412, 0, "mg/dL"), ("Mg", 1.3, 2.6, 1, ""),
    ("Phos", 2.1, 5.8, 1, ""), ("Alb", 2.1, 4.6, 1, "g/dL"), ("troponin", 0.01, 2.40, 2, "ng/mL"),
    ("procalcitonin", 0.05, 6.1, 2, ""), ("Ca", 7.9, 11.2, 1, ""), ("AST", 14, 320, 0, ""), ("ALT", 9, 410, 0, ""),
    ("T bili", 0.3, 6.2, 1, ""), ("CRP", 0.4, 24.0, 1, "mg/dL"), ("ESR", 4, 110, 0, ""), ("ferritin", 9, 1400, 0, ""),
    ("PSA", 0.4, 18.0, 1, "ng/mL"), ("Vit D", 9, 62, 0, "ng/mL"), ("CK", 40, 4800, 0, ""),
)
DIAGNOSES = (  # (description, ICD-10-CM)
    ("type 2 diabetes", "E11.9"), ("acute on chronic diastolic heart failure", "I50.33"),
    ("acute on chronic systolic CHF", "I50.23"), ("essential hypertension", "I10"), ("COPD exacerbation", "J44.1"),
    ("CKD stage 3a", "N18.31"), ("hyperlipidemia", "E78.5"), ("major depressive disorder", "F32.9"),
    ("atrial fibrillation", "I48.91"), ("community-acquired pneumonia", "J18.9"), ("UTI", "N39.0"),
    ("chest pain, unspecified", "R07.9"), ("low back pain", "M54.50"), ("GERD", "K21.9"),
    ("Parkinson's disease", "G20"), ("Crohn's disease", "K50.90"), ("Hashimoto's thyroiditis", "E06.3"),
    ("long-term insulin use", "Z79.4"), ("presence of cardiac pacemaker", "Z95.0"), ("hip fracture", "S72.001A"),
    ("lung adenocarcinoma", "C34.90"), ("hypothyroidism", "E03.9"), ("generalized anxiety disorder", "F41.1"),
    ("obstructive sleep apnea", "G47.33"), ("syncope", "R55"), ("NSTEMI", "I21.4"), ("former smoker", "Z87.891"),
    ("cellulitis of left lower leg", "L03.116"), ("sepsis", "A41.9"), ("acute kidney injury", "N17.9"),
    ("DVT of right femoral vein", "I82.411"), ("pulmonary embolism", "I26.99"), ("osteoarthritis of knee", "M17.11"),
    ("Alzheimer's dementia", "G30.9"), ("iron deficiency anemia", "D50.9"), ("morbid obesity", "E66.01"),
    ("alcohol use disorder", "F10.20"), ("opioid use disorder", "F11.20"), ("migraine", "G43.909"),
    ("asthma, moderate persistent", "J45.40"), ("cirrhosis", "K74.60"), ("stroke", "I63.9"),
)
CPT_CODES = (
    ("99214", "office visit, est pt"), ("99213", "office visit, est pt"), ("99223", "initial hospital care"),
    ("99285", "ED visit, high severity"), ("93000", "ECG"), ("71046", "chest x-ray 2 views"),
    ("70450", "CT head w/o contrast"), ("80053", "CMP"), ("85025", "CBC w/ diff"), ("36415", "venipuncture"),
    ("97110", "therapeutic exercise"), ("90686", "flu vaccine"), ("20610", "arthrocentesis, major joint"),
    ("45378", "colonoscopy"), ("88305", "surgical pathology"), ("74177", "CT abd/pelvis w contrast"),
    ("99496", "transitional care mgmt"), ("G0439", "annual wellness visit"), ("93306", "TTE complete"),
    ("73721", "MRI knee w/o contrast"), ("99232", "subsequent hospital care"), ("J1885", "ketorolac inj"),
)
LOINC_CODES = (  # (code, name, low, high, decimals, unit)
    ("4548-4", "Hemoglobin A1c", 5.2, 11.9, 1, "%"), ("2345-7", "Glucose", 62, 390, 0, "mg/dL"),
    ("2160-0", "Creatinine", 0.5, 3.8, 2, "mg/dL"), ("718-7", "Hemoglobin", 6.9, 16.2, 1, "g/dL"),
    ("6690-2", "WBC", 2.8, 19.5, 1, "K/uL"), ("2093-3", "Cholesterol", 120, 290, 0, "mg/dL"),
    ("13457-7", "LDL calc", 55, 210, 0, "mg/dL"), ("33914-3", "eGFR", 14, 110, 0, "mL/min/1.73m2"),
    ("30934-4", "BNP", 20, 3100, 0, "pg/mL"), ("2823-3", "Potassium", 2.9, 6.1, 1, "mmol/L"),
    ("2951-2", "Sodium", 124, 149, 0, "mmol/L"), ("3016-3", "TSH", 0.1, 11.0, 2, "mIU/L"),
    ("777-3", "Platelets", 40, 460, 0, "K/uL"),
)
NDC_CODES = ("0002-8215-01", "00093-7146-56", "50090-1234-0", "0071-0155-23", "68180-0513-01", "0378-0208-01", "16714-0952-02")
VACCINES = ("Tdap", "influenza", "Shingrix", "Prevnar 20", "COVID-19 booster", "hepatitis B", "RSV (Arexvy)")
SCORES = (
    "GCS 15", "GCS 14 (E4V4M6)", "Wells score 2", "CHA2DS2-VASc 4", "Braden 14", "Morse 45", "PHQ-9 of 12",
    "NIHSS 3", "MMSE 24/30", "Apgar 8/9", "CURB-65 of 2", "HAS-BLED 3", "Mini-Cog 3/5", "ESI 2", "pain 7/10",
)
CHIEF_COMPLAINTS = (
    "chest pain", "shortness of breath", "abdominal pain", "a fall at home", "syncope", "fever and chills",
    "worsening leg swelling", "confusion", "productive cough", "dysuria", "palpitations", "headache",
    "nausea and vomiting", "black tarry stools", "back pain", "dizziness", "a rash on her arm", "hip pain after a fall",
    "low blood sugars", "a COPD flare", "a swollen left calf", "blood in the urine",
)
FINDINGS = (
    "lungs with bibasilar crackles", "2+ pitting edema to the knees", "RRR, no murmurs", "abdomen soft, NT/ND",
    "AAOx3, no focal deficits", "JVP to the angle of the jaw", "diminished breath sounds at the right base",
    "erythema and warmth of the LLE", "Murphy's sign negative", "Babinski sign absent bilaterally",
    "Homans sign negative", "mucous membranes dry", "skin warm and dry", "left facial droop consistent with Bell's palsy",
)
PLAN_ITEMS = (
    "continue Lasix 40 mg IV BID, strict I&O, daily weights", "repeat BMP in AM", "PT/OT eval", "cardiology consult",
    "start ceftriaxone 1 g IV q24h", "hold metformin while inpatient", "titrate O2 to SpO2 > 92%", "CT head if further falls",
    "Foley catheter removed, voiding trial", "hold Eliquis for procedure", "GI to scope tomorrow", "wean to room air",
    "social work for disposition", "advance diet as tolerated", "resume home meds", "DVT ppx with heparin 5000 units SC q8h",
)
IMAGING_FINDINGS = (
    "No acute intracranial hemorrhage.", "Small bilateral pleural effusions with bibasilar atelectasis.",
    "Kerley B lines consistent with interstitial edema.", "No pneumothorax.", "Cardiomegaly, unchanged.",
    "Nonobstructing 4 mm left renal calculus.", "Mild hepatic steatosis.", "No acute fracture or dislocation.",
    "Moderate degenerative changes at L4-L5.", "Appendix normal in caliber.", "Simple cyst in the right lobe.",
    "Stable 6 mm RUL nodule; Fleischner follow-up recommended.",
)
PATH_DIAGNOSES = (
    "Prostatic adenocarcinoma, Gleason score 3+4=7 (Grade Group 2)", "Tubular adenoma, negative for high-grade dysplasia",
    "Invasive ductal carcinoma, Nottingham grade 2", "Benign gallbladder with chronic cholecystitis",
    "Barrett's esophagus without dysplasia", "Basal cell carcinoma, margins clear", "Hodgkin lymphoma, nodular sclerosis type",
    "Chronic active colitis consistent with Crohn's disease", "Hyperplastic polyp", "Squamous cell carcinoma in situ",
)
PROCEDURES = (
    "laparoscopic cholecystectomy", "TAVR", "right total knee arthroplasty", "colonoscopy with polypectomy",
    "cardiac catheterization", "dual-chamber pacemaker placement", "EGD", "thoracentesis", "ORIF of the left wrist",
    "Whipple procedure", "Nissen fundoplication", "paracentesis", "bronchoscopy with BAL",
)
ALLERGIES = ("NKDA", "PCN (rash)", "sulfa (hives)", "codeine (nausea)", "iodinated contrast", "latex", "shellfish", "Keflex (rash)")
FACILITY_WORDS = (
    "the ED", "the floor", "ICU", "MICU", "rehab", "PACU", "the OR", "cath lab", "the dialysis unit", "PCP office",
    "urgent care", "step-down", "L&D", "telemetry", "the ER", "home", "the clinic", "med-surg",
)
SPECIALTIES = (
    "cardiology", "nephrology", "GI", "pulmonology", "endocrinology", "neurology", "rheumatology", "orthopedics",
    "dermatology", "urology", "oncology", "sleep medicine", "podiatry", "ENT", "hematology",
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
SEASONS = ("spring", "summer", "fall", "winter")
YEAR_EVENTS = (  # "{event} in {year}" -- years alone are not PHI
    "MI", "CABG", "stroke", "TKA", "appendectomy", "dx with DM2", "quit smoking", "last colonoscopy", "COVID",
    "hysterectomy", "PE", "DVT", "cholecystectomy", "first seizure", "diagnosed with breast cancer",
)

# Ordinary uses of words that are also names (never labelled); each is a short sentence.
WORD_NEGATIVES_TRAIN = (
    "Will call back if worse", "May need PT eval", "We hope to discharge tomorrow", "Will bill to insurance",
    "Mark the site before the procedure", "Young adult son at bedside", "Brown sputum this AM",
    "Reports black tarry stools x2", "Advised a diet rich in potassium", "Worried about the price of the copay",
    "Faith-based support appreciated", "Gray matter changes on prior MRI", "Page the on-call with questions",
    "Referred to food banks nearby", "Able to cook her own meals", "Skin rose-colored and warm",
    "Finds joy in gardening", "Dawn phenomenon suspected", "Grant application for rent assistance submitted",
    "Will reassess in AM", "May resume diet", "Hope to wean O2 today", "Long-standing tremor", "Strong cough",
    "Sharp pain with inspiration", "Little appetite", "No frank blood", "Cross-cover aware", "Green stool x1",
    "White count trending down", "Small bowel follow-through ordered", "Best effort on spirometry",
    "Will page the fellow", "May ambulate with assist",
)
WORD_NEGATIVES_TEST = (
    "Uses a walker at home", "Hx of kidney stone", "Reports early satiety", "Pays cash for meds",
    "Walks 2 miles daily", "Fair historian", "Day 3 of antibiotics", "Church group brings meals",
    "Friend at bedside", "Worse in the winter months", "Grandson away at summer camp", "Missed the golden hour for tPA",
    "Hurt back snow shoveling", "Wise to recheck BMP", "Savage headache per pt", "Hardy appetite",
    "Noble effort with PT", "Stone passed at home",
)

NURSING_ABBREVS = (
    "PT ALERT", "OOB TO CHAIR", "AAOX3", "NAD", "VSS", "RA", "HOB > 30", "I&O", "BM X1", "VOIDING QS", "TOL DIET",
    "NPO AFTER MN", "IVF @ 75", "SCDS ON", "C/O PAIN 6/10", "PRN GIVEN", "SKIN INTACT", "TURNED Q2H", "BED ALARM ON",
    "CALL LIGHT IN REACH", "SR 80S", "LS CLEAR", "DIMINISHED BASES", "ABD SOFT", "+BS", "TELE: AFIB 90S", "DNR/DNI",
    "FULL CODE", "FALL PRECAUTIONS", "SAFETY MAINTAINED", "CHG BATH DONE", "PIV #20 L AC", "PICC R ARM FLUSHED",
)
