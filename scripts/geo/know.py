"""Hand-written points for countries, large first-level regions and world regions (see build_geo_tables.py)."""
# ruff: noqa
# Hand-written representative points (approximate GeoNames country/region points), lat lon.
COUNTRIES = """
AD 42.5 1.5|AE 24 54|AF 33 66|AG 17.05 -61.8|AI 18.22 -63.05|AL 41 20|AM 40 45|AO -12.5 18.5|AQ -75 0
AR -34 -64|AS -14.33 -170.7|AT 47.33 13.33|AU -25 134|AW 12.5 -69.97|AX 60.25 20|AZ 40.5 47.5|BA 44.25 17.83
BB 13.17 -59.53|BD 24 90|BE 50.75 4.5|BF 12.5 -1.67|BG 42.67 25.25|BH 26.03 50.55|BI -3.5 30|BJ 9.5 2.25
BL 17.9 -62.83|BM 32.33 -64.75|BN 4.5 114.67|BO -17 -65|BQ 12.18 -68.25|BR -10 -55|BS 24.25 -76|BT 27.5 90.5
BV -54.43 3.4|BW -22 24|BY 53 28|BZ 17.25 -88.75|CA 60 -95|CC -12.5 96.83|CD -2.5 23.5|CF 7 21
CG -1 15|CH 47 8|CI 8 -5|CK -21.23 -159.77|CL -30 -71|CM 6 12.5|CN 35 104|CO 4 -73.25|CR 10 -84|CU 22 -79.5
CV 16 -24|CW 12.17 -69|CX -10.5 105.67|CY 35 33|CZ 49.75 15|DE 51.5 10.5|DJ 11.8 42.5|DK 56 10|DM 15.5 -61.33
DO 19 -70.67|DZ 28 3|EC -1.25 -78.25|EE 59 26|EG 27 30|EH 24.5 -13|ER 15 39|ES 40 -4|ET 8.5 38.75|FI 64 26
FJ -17.8 178|FK -51.75 -59.17|FM 6.92 158.2|FO 62 -7|FR 46 2|GA -1 11.75|GB 54.76 -2.7|GD 12.12 -61.67
GE 42 43.5|GF 4 -53|GG 49.58 -2.33|GH 8.1 -1.2|GI 36.13 -5.35|GL 72 -40|GM 13.5 -15.5|GN 10.83 -10.67
GP 16.25 -61.58|GQ 1.7 10.5|GR 39 22|GS -54.5 -37|GT 15.5 -90.25|GU 13.44 144.74|GW 12 -15|GY 5 -59
HK 22.25 114.17|HM -53.1 72.5|HN 15 -86.5|HR 45.17 15.5|HT 19 -72.42|HU 47 20|ID -5 120|IE 53 -8|IL 31.5 34.75
IM 54.25 -4.5|IN 22 79|IO -6 71.5|IQ 33 44|IR 32 53|IS 65 -18|IT 42.83 12.83|JE 49.25 -2.17|JM 18.17 -77.3
JO 31 36|JP 35.85 138.9|KE 1 38|KG 41.5 75|KH 13 105|KI 1.42 173|KM -12.23 44.45|KN 17.33 -62.75|KP 40 127
KR 36.5 127.75|KW 29.5 47.75|KY 19.5 -80.67|KZ 48 68|LA 18 105|LB 33.83 35.83|LC 13.88 -60.97|LI 47.17 9.53
LK 7.75 80.75|LR 6.5 -9.5|LS -29.5 28.25|LT 56 24|LU 49.75 6.17|LV 57 25|LY 26.5 17|MA 32 -5|MC 43.73 7.42
MD 47.25 28.58|ME 42.6 19.3|MF 18.07 -63.05|MG -20 47|MH 9 168|MK 41.67 21.75|ML 17.5 -3|MM 21.5 97
MN 46 105|MO 22.17 113.55|MP 15.2 145.75|MQ 14.67 -61|MR 20.1 -11.25|MS 16.75 -62.2|MT 35.92 14.43
MU -20.3 57.58|MV 3.2 73|MW -13.5 34|MX 23 -102|MY 2.5 112.5|MZ -18.25 35|NA -22 17|NC -21.5 165.5
NE 17 8.5|NF -29.03 167.95|NG 9 9|NI 13 -85|NL 52.25 5.75|NO 62 10|NP 28 84|NR -0.53 166.92
NU -19.03 -169.87|NZ -42 174|OM 21 57|PA 9 -80|PE -10 -75.25|PF -15 -140|PG -6 147|PH 13 122|PK 30 70
PL 52 20|PM 46.83 -56.33|PN -25.07 -130.1|PR 18.25 -66.5|PS 31.9 35.2|PT 39.5 -8|PW 7.5 134.5|PY -23 -58
QA 25.5 51.25|RE -21.1 55.6|RO 46 25|RS 44 21|RU 60 95|RW -2 30|SA 25 45|SB -8 159|SC -4.58 55.67
SD 15.25 31|SE 62 15|SG 1.37 103.8|SH -15.95 -5.7|SI 46 15|SJ 78 20|SK 48.67 19.5|SL 8.5 -11.5|SM 43.93 12.42
SN 14.5 -14.25|SO 8 48.5|SR 4 -56|SS 8 30|ST 1 7|SV 13.83 -88.92|SX 18.03 -63.07|SY 35 38|SZ -26.5 31.5
TC 21.73 -71.58|TD 15 19|TF -49.25 69.17|TG 8 1.17|TH 15.25 100.5|TJ 39 71|TK -9 -171.75|TL -8.83 125.75
TM 40 60|TN 34 9|TO -20 -175|TR 39 35|TT 11 -61|TV -8 178|TW 24 121|TZ -6 35|UA 49 32|UG 1.25 32.5
UM 19.3 166.6|US 39.76 -98.5|UY -33 -56|UZ 41.67 63.83|VA 41.9 12.45|VC 13.08 -61.2|VE 8 -66|VG 18.5 -64.5
VI 18.35 -64.85|VN 16.17 107.83|VU -16 167|WF -13.3 -176.2|WS -13.8 -172.18|XK 42.58 21|YE 15.25 47.75
YT -12.83 45.17|ZA -29 24|ZM -14.67 28.75|ZW -19.5 29.9
"""

# Large first-level subdivisions whose towns do not span the territory: geographic centres.
ADMIN1 = """
US|Alabama 32.75 -86.75|Alaska 64 -150|Arizona 34.5 -111.5|Arkansas 34.75 -92.5|California 37.25 -119.75
US|Colorado 39 -105.5|Connecticut 41.67 -72.67|Delaware 39 -75.5|Washington, D.C. 38.9 -77.03|Florida 28.75 -82.5
US|Georgia 32.75 -83.5|Hawaii 20.75 -156.5|Idaho 44.5 -114.25|Illinois 40 -89.25|Indiana 40 -86.25|Iowa 42 -93.5
US|Kansas 38.5 -98.5|Kentucky 37.6 -85.1|Louisiana 31 -92|Maine 45.5 -69.25|Maryland 39 -76.75|Massachusetts 42.3 -71.6
US|Michigan 44.25 -85.5|Minnesota 46.25 -94.25|Mississippi 32.75 -89.75|Missouri 38.25 -92.5|Montana 47 -109.6
US|Nebraska 41.5 -99.75|Nevada 39.25 -116.75|New Hampshire 43.67 -71.5|New Jersey 40.17 -74.5|New Mexico 34.5 -106
US|New York 43 -75.5|North Carolina 35.5 -80|North Dakota 47.5 -100.5|Ohio 40.25 -82.9|Oklahoma 35.5 -97.5
US|Oregon 44 -120.5|Pennsylvania 40.9 -77.7|Rhode Island 41.75 -71.5|South Carolina 34 -81|South Dakota 44.5 -100.25
US|Tennessee 35.75 -86.25|Texas 31.25 -99.25|Utah 39.25 -111.75|Vermont 44 -72.75|Virginia 37.5 -78.2
US|Washington 47.5 -120.5|West Virginia 38.5 -80.5|Wisconsin 44.5 -90|Wyoming 43 -107.5
CA|Alberta 53.6 -114.4|British Columbia 54 -125|Manitoba 55 -97|New Brunswick 46.5 -66.25
CA|Newfoundland and Labrador 52 -56|Nova Scotia 45 -63|Ontario 49.25 -84.5|Prince Edward Island 46.35 -63.25
CA|Quebec 52 -72|Saskatchewan 54 -106|Yukon 63.5 -136|Northwest Territories 64.8 -124.8|Nunavut 68 -94
AU|New South Wales -33 146|Queensland -22.5 144.4|Victoria -37 144|South Australia -30 135|Western Australia -25 122
AU|Tasmania -42 147|Northern Territory -20 134|Australian Capital Territory -35.5 149
CN|Anhui Sheng 32 117.2|Beijing 40.2 116.4|Chongqing Shi 30 107.8|Fujian 26 118|Gansu Sheng 37.5 102.5
CN|Guangdong 23 113.5|Guangxi Zhuangzu Zizhiqu 24 109|Guizhou Sheng 27 107|Hainan 19.2 109.7|Hebei 38.8 115.8
CN|Heilongjiang Sheng 48 128|Henan Sheng 34 113.6|Hubei 31 112.3|Hunan 27.7 111.5|Inner Mongolia 43.5 114
CN|Jiangsu Sheng 33 119.8|Jiangxi Sheng 27.7 115.8|Jilin Sheng 43.5 126|Liaoning 41.3 122.6|Ningxia Huizu Zizhiqu 37.3 106.1
CN|Qinghai Sheng 35.5 96|Shaanxi 35.3 108.9|Shandong Sheng 36.3 118.2|Shanghai Shi 31.2 121.45|Shanxi Sheng 37.6 112.3
CN|Sichuan 30.5 102.7|Tianjin Shi 39.2 117.3|Tibet Autonomous Region 31.7 88.9|Xinjiang Uygur Zizhiqu 41.5 85.5
CN|Yunnan 25 101.7|Zhejiang Sheng 29.2 120.1
IN|Andhra Pradesh 15.9 79.7|Arunachal Pradesh 28 94.5|Assam 26.2 92.6|Bihar 25.7 85.6|Chhattisgarh 21.3 82
IN|Gujarat 22.7 71.6|Haryana 29.1 76.2|Himachal Pradesh 31.9 77.2|Kashmir 33.7 75.8|Jharkhand 23.6 85.4
IN|Karnataka 14.7 76|Kerala 10.4 76.4|Madhya Pradesh 23.5 78.4|Maharashtra 19.5 76|Odisha 20.5 84.4
IN|Punjab 30.9 75.4|Rajasthan 26.6 73.9|Tamil Nadu 11 78.4|Telangana 17.9 79.1|Uttar Pradesh 27 80.8
IN|Uttarakhand 30.2 79.2|West Bengal 23.8 87.9
BR|Amazonas -4 -63|Para -4 -53|Mato Grosso -13 -56|Bahia -12.5 -41.7|Minas Gerais -18.5 -44.5|Goias -16 -49.5
BR|Mato Grosso do Sul -20.5 -54.8|Rondonia -10.9 -63|Roraima 2 -61.5|Acre -9 -70.5|Amapa 1.4 -51.8|Tocantins -10.2 -48.3
BR|Maranhao -5 -45|Piaui -7 -42.8|Rio Grande do Sul -30 -53.5|Sao Paulo -22.2 -48.8|Parana -24.6 -51.5
RU|Krasnoyarskiy 64 95|Sakha 66 129|Chukotskiy Avtonomnyy Okrug 66.5 171|Kamtsjatka 57 160|Magadan 62.5 153|Khabarovsk Krai 54 135
RU|Irkutsk 57 106|Tjumen 58 68|Khanty-Mansiyskiy Avtonomnyy Okrug 62 72|Yamalo-Nenetskiy Avtonomnyy Okrug 66.5 76
RU|Arkhangelskaya 64 43|Komi Republic 64 55|Amur 53.5 127.5|Transbaikal Territory 52.5 116|Tomsk 58.5 82
RU|Sverdlovsk 58.7 61.5|Perm 59 56.5|Murmansk 68 34|Respublika Buryatiya 53.5 109.5|Novosibirsk 55.5 80
GB|England 52.16 -0.7|Scotland 56.5 -4|Wales 52.5 -3.5|Northern Ireland 54.6 -6.6
"""

# Continents and world regions, oceans and seas: name|aliases lat lon kind
REGIONS = """
Africa	7.19	21.09	continent
Asia	29.84	89.3	continent
Europe	48.69	9.14	continent
North America	46.07	-100.55	continent
South America	-14.6	-57.66	continent
Oceania|Australasia	-18.31	138.52	continent
Antarctica	-78.16	16.41	continent
Americas|the Americas	19	-90	region
Latin America	-10	-65	region
Central America	12.8	-85.5	region
Caribbean|the Caribbean	16	-72	region
Middle East|the Middle East|Mideast|Near East	29	42	region
Gulf region|Persian Gulf region	26	51	region
Sub-Saharan Africa	0	22	region
West Africa|Western Africa	12	-3	region
East Africa|Eastern Africa	0	37	region
North Africa|Northern Africa	28	13	region
Southern Africa	-24	26	region
Central Africa	3	20	region
Horn of Africa	8	45	region
Sahel	15	5	region
Maghreb	31	3	region
Western Europe	48	4	region
Eastern Europe	50	27	region
Northern Europe	60	15	region
Southern Europe	41	14	region
Central Europe	49	15	region
Scandinavia	62	14	region
Balkans|the Balkans	43	21	region
Baltics|Baltic states	57	24	region
Caucasus|the Caucasus	42.5	44	region
Central Asia	43	65	region
South Asia	23	80	region
Southeast Asia|South-East Asia|South East Asia	8	110	region
East Asia	35	115	region
Asia-Pacific|Asia Pacific	10	120	region
Indian subcontinent	22	79	region
Siberia	60	105	region
Scandinavian Peninsula	63	14	region
Arctic|the Arctic	80	0	region
Mediterranean|Mediterranean Sea|the Mediterranean	35	18	sea
Eastern Mediterranean	34	30	sea
Black Sea	43	35	sea
Caspian Sea	41.7	50.6	sea
Red Sea	20	38.5	sea
Baltic Sea	57	19	sea
North Sea	56	3	sea
Arabian Sea	15	65	sea
South China Sea	13	114	sea
East China Sea	29	125	sea
Gulf of Mexico	25	-90	sea
Gulf of Aden	12.5	47.5	sea
Persian Gulf|Arabian Gulf	27	51	sea
Aegean Sea|Aegean	39	25	sea
Adriatic Sea|Adriatic	43	15	sea
Sea of Japan	40	135	sea
Darfur	13	24.5	region
Kordofan	12.5	29.5	region
Kurdistan|Iraqi Kurdistan	36.5	44	region
Crimea|Crimean Peninsula	45.3	34.4	region
Donbas|Donbass	48	38.5	region
Sinai|Sinai Peninsula	29.5	33.8	region
Gaza Strip|Gaza	31.4	34.35	region
West Bank	31.9	35.2	region
Golan Heights|Golan	33	35.75	region
Patagonia	-45	-69	region
Sahara|Sahara Desert	23	10	region
Amazon rainforest|Amazonia|Amazon basin	-4	-62	region
Andes	-15	-70	region
Himalayas|Himalaya	29	84	region
Alps	46.5	10	region
Levant	33.5	36	region
Mesopotamia	33	44	region
Anatolia	39	33	region
Arabian Peninsula	23	46	region
Korean Peninsula	37.5	127.5	region
Indochina	15	105	region
Ogaden	7	44.5	region
Somaliland	9.5	46	region
Puntland	8.5	49	region
Transnistria	47.2	29.4	region
Abkhazia	43	41	region
South Ossetia	42.3	44	region
Nagorno-Karabakh|Karabakh	39.8	46.7	region
Waziristan	32.5	69.8	region
Niger Delta	5	6	region
Kasai	-5	22	region
Katanga	-9	26.5	region
Kivu	-1.5	28.5	region
Casamance	12.8	-15.5	region
Lapland	67.5	25	region
Basque Country	43	-2.6	region
Urals|Ural Mountains	60	59.5	region
New England	43.5	-71.5	region
Midwest|American Midwest	41.5	-90	region
Pacific Northwest	46	-121	region
Deep South|American South	32.5	-87	region
Silicon Valley	37.4	-122	region
Bay Area|San Francisco Bay Area	37.8	-122.3	region
Appalachia	38	-81	region
Great Plains	40	-100	region
Gulf Coast	30	-90	region
Outback	-25	134	region
Scottish Highlands	57.5	-4.8	region
Java	-7.5	110	island
Sumatra	0	102	island
Borneo	1	114	island
Sulawesi|Celebes	-2	121	island
New Guinea	-5.5	141	island
Luzon	16	121	island
Mindanao	8	125	island
Visayas	11	123.5	island
Honshu	36	138	island
Kyushu	32.6	131	island
Lombok	-8.6	116.3	island
Timor	-9.2	125	island
Zanzibar	-6.1	39.3	island
Hispaniola	19	-71	island
Long Island	40.8	-73.1	island
Vancouver Island	49.6	-125.5	island
Newfoundland	49	-56	island
Jeju|Jeju Island	33.4	126.5	island
Mallorca|Majorca	39.6	2.9	island
Tenerife	28.3	-16.6	island
Lampedusa	35.5	12.6	island
Lesbos	39.2	26.3	island
Strait of Hormuz	26.6	56.3	sea
Bosphorus	41.1	29.05	sea
Suez Canal	30.5	32.35	sea
Panama Canal	9.1	-79.7	sea
Great Barrier Reef	-18.3	147.7	sea
Lake Victoria	-1	33	sea
Lake Chad	13	14	sea
Gulf of Guinea	2	3	sea
Bay of Bengal	15	88	sea
Gulf of Thailand	9.5	102	sea
Strait of Malacca	3	101	sea
Taiwan Strait	24.5	119.5	sea
Sea of Azov	46	36.5	sea
Barents Sea	74	40	sea
Bering Sea	58	-175	sea
Tasman Sea	-40	160	sea
Coral Sea	-18	155	sea
Irish Sea	53.5	-5	sea
English Channel	50.2	-1	sea
Gulf of Oman	24.5	58.5	sea
Ionian Sea	38.5	18	sea
Caribbean Sea	15	-75	sea
Pacific|Pacific Ocean	0	-160	ocean
Atlantic|Atlantic Ocean	0	-25	ocean
Indian Ocean	-10	70	ocean
Arctic Ocean	85	0	ocean
Southern Ocean	-60	90	ocean
North Atlantic	40	-40	ocean
South Pacific	-20	-140	ocean
"""
