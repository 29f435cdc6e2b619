# Hand-written wire stories for the labelled near-duplicate set (see README.md). Fictional, in the style
# of agency copy. Stories of one topic share names, places and stock phrases on purpose: they are the
# hard negatives, different stories that must not be clustered together.

ORIGINALS = [
    # --- topic: ukraine-talks ---
    dict(topic="ukraine-talks", key="putin-terms", title="Putin sets out conditions for peace talks", paragraphs=[
        "Russian President Vladimir Putin on Friday set out his conditions for opening peace talks with Ukraine, demanding that Kyiv abandon its bid to join NATO and withdraw troops from four regions Moscow claims as its own.",
        "Speaking at the Foreign Ministry in Moscow, Putin said Russia would order a ceasefire and begin negotiations as soon as Kyiv accepted the terms. He described the offer as a genuine proposal rather than a temporary truce.",
        "Ukrainian officials dismissed the demands as an ultimatum. A senior adviser to President Volodymyr Zelensky said the conditions amounted to a call for surrender and showed that Moscow was not interested in real diplomacy.",
        "Putin also said Western sanctions must be lifted as part of any settlement and that Ukraine should remain a neutral, non-nuclear state. He gave no timetable for talks.",
        "The speech came a day before leaders from more than ninety countries were due to gather in Switzerland for a summit on Ukraine to which Russia was not invited.",
    ]),
    dict(topic="ukraine-talks", key="zelensky-rejects", title="Zelensky rejects Kremlin demands, calls for summit support", paragraphs=[
        "Ukrainian President Volodymyr Zelensky on Saturday rejected the Kremlin's conditions for peace talks and urged world leaders gathered in Switzerland to back Kyiv's own plan for ending the war.",
        "Zelensky told reporters that the demands made by Russian President Vladimir Putin were the same as before the invasion and that no Ukrainian government could accept the loss of its territory. He said the summit would show that most of the world stood with Ukraine.",
        "Delegations from more than ninety countries attended the two-day meeting at a mountain resort near Lucerne. China, which has close ties with Moscow, stayed away.",
        "Diplomats said the final communique would focus on nuclear safety, food security and the return of prisoners and deported children rather than on territorial questions.",
        "Russia, which was not invited, dismissed the gathering as a waste of time.",
    ]),
    dict(topic="ukraine-talks", key="prisoner-swap", title="Russia and Ukraine exchange 150 prisoners each", paragraphs=[
        "Russia and Ukraine exchanged 150 prisoners of war each on Tuesday in a swap brokered by the United Arab Emirates, both sides said.",
        "The Russian Defence Ministry said the returned servicemen were being flown to Moscow for medical treatment. Ukrainian President Volodymyr Zelensky posted photographs of freed soldiers wrapped in national flags stepping off buses near the border.",
        "It was the largest exchange in several months and followed weeks of talks, according to Ukraine's coordination headquarters for prisoners of war. Many of those released had been held since the siege of Mariupol.",
        "The United Arab Emirates has mediated several earlier swaps. Its foreign ministry thanked both governments for their cooperation and said it would continue its efforts.",
        "Kyiv says thousands of Ukrainians remain in Russian captivity, while Moscow has not disclosed how many prisoners it holds.",
    ]),
    dict(topic="ukraine-talks", key="energy-strikes", title="Drone and missile strikes hit Ukraine's power grid", paragraphs=[
        "Russia launched a large drone and missile attack on Ukraine's energy infrastructure overnight, forcing emergency power cuts in several regions, Ukrainian officials said on Thursday.",
        "The air force said it shot down most of the 60 drones and 35 missiles launched, but power plants in the west and a substation near Kyiv were hit. The national grid operator ordered rolling blackouts in the capital and in Lviv.",
        "Energy Minister Herman Halushchenko said repair crews were working to restore supplies and urged people to use electricity sparingly in the evening. Two workers were injured at one of the plants.",
        "Ukrainian President Volodymyr Zelensky renewed his appeal for more air defence systems from Western allies, saying every delay cost lives and destroyed homes.",
        "The Russian Defence Ministry said it had struck energy facilities that supply Ukraine's military industry.",
    ]),
    dict(topic="ukraine-talks", key="eu-sanctions", title="EU agrees new sanctions package targeting Russian gas", paragraphs=[
        "European Union governments agreed on Thursday a fourteenth package of sanctions against Russia that for the first time targets its liquefied natural gas exports, diplomats said.",
        "The measures ban the reloading of Russian LNG in EU ports for shipment to third countries and add dozens of companies and vessels to a blacklist. Hungary had held up the package for weeks before dropping its objections.",
        "The European Commission said the package would deprive Moscow of billions of euros in revenue that it uses to finance the war in Ukraine.",
        "The Kremlin said the sanctions were illegal and would hurt European consumers more than Russia. Russian President Vladimir Putin has said previous packages failed to damage the economy.",
        "Ukrainian President Volodymyr Zelensky welcomed the decision and called for further restrictions on Russian oil.",
    ]),
    # --- topic: central-banks ---
    dict(topic="central-banks", key="ecb-holds", title="ECB keeps rates on hold, signals cut in coming months", paragraphs=[
        "The European Central Bank left interest rates unchanged on Thursday but said inflation was falling faster than expected and signalled that it could start cutting borrowing costs in the coming months.",
        "The ECB kept its deposit rate at a record high of 4 percent for a fifth consecutive meeting. ECB President Christine Lagarde told a news conference that policymakers would need more data on wages before deciding.",
        "Eurozone inflation slowed to 2.4 percent in March, close to the bank's 2 percent target, while the economy has stagnated for more than a year.",
        "Markets are pricing in a first rate cut in June. The euro fell slightly against the dollar after the decision.",
        "Some policymakers have argued that waiting too long risks damaging growth, while others warn that services inflation remains stubbornly high.",
    ]),
    dict(topic="central-banks", key="fed-cuts", title="Fed cuts interest rates by half a point", paragraphs=[
        "The U.S. Federal Reserve cut interest rates by half a percentage point on Wednesday, its first reduction in more than four years, as policymakers shifted their focus from inflation to the job market.",
        "The central bank lowered its benchmark rate to a range of 4.75 to 5 percent. Fed Chair Jerome Powell told a news conference that the economy was in good shape and that the move was meant to keep it that way.",
        "One policymaker dissented in favour of a smaller cut. New projections showed officials expect a further half point of cuts by the end of the year.",
        "Stocks rose after the decision and the dollar weakened. Inflation has fallen close to the Fed's 2 percent target, while unemployment has crept up.",
        "The decision comes weeks before the presidential election, and Powell said politics played no role in the bank's deliberations.",
    ]),
    dict(topic="central-banks", key="boe-split", title="Bank of England holds rates in split vote", paragraphs=[
        "The Bank of England kept interest rates at 5.25 percent on Thursday, but two of its nine policymakers voted for a cut, the first such split since the bank began raising rates.",
        "Governor Andrew Bailey said he was optimistic that inflation was heading in the right direction but that the bank needed to be sure it would stay low before lowering borrowing costs.",
        "British inflation fell to 3.2 percent in March, the lowest in two and a half years, though price growth in the services sector remains high.",
        "Sterling dipped after the decision as investors bet on a cut as soon as June. Economists said the vote showed the bank was moving closer to easing policy.",
        "The European Central Bank and the U.S. Federal Reserve have also kept rates on hold while they wait for more evidence that inflation is under control.",
    ]),
    dict(topic="central-banks", key="eurozone-inflation", title="Eurozone inflation falls more than expected", paragraphs=[
        "Inflation in the eurozone fell more than expected in August to 2.2 percent, the lowest in three years, official data showed on Friday, strengthening the case for another interest rate cut by the European Central Bank.",
        "The figure from Eurostat was down from 2.6 percent in July and below the forecast of economists polled by news agencies. Core inflation, which excludes food and energy, eased to 2.8 percent.",
        "Energy prices fell 3 percent from a year earlier, while services inflation rose slightly to 4.2 percent.",
        "The European Central Bank cut its deposit rate in June and is widely expected to lower it again at its meeting next week. ECB President Christine Lagarde has said the bank is not committing to any particular path.",
        "Germany and France both reported slower price growth, while inflation rose in Spain.",
    ]),
    dict(topic="central-banks", key="boj-hike", title="Bank of Japan raises rates for first time in 17 years", paragraphs=[
        "The Bank of Japan raised interest rates on Tuesday for the first time in 17 years, ending eight years of negative rates and the world's last remaining experiment with sub-zero borrowing costs.",
        "The central bank set its short-term rate in a range of zero to 0.1 percent, up from minus 0.1 percent, and scrapped its policy of controlling long-term bond yields.",
        "Governor Kazuo Ueda told a news conference that wage increases agreed by large companies this year meant the bank's 2 percent inflation target was finally within sight.",
        "The yen weakened after the decision as the bank said it expected financial conditions to remain accommodative. Japanese stocks rose.",
        "The move leaves the U.S. Federal Reserve and the European Central Bank considering when to cut rates while Japan moves in the opposite direction.",
    ]),
    # --- topic: storm ---
    dict(topic="storm", key="landfall", title="Hurricane Delia makes landfall as Category 4 storm", paragraphs=[
        "Hurricane Delia made landfall on the Gulf Coast early on Thursday as a Category 4 storm with winds of 140 miles per hour, tearing roofs from buildings and flooding coastal towns, the National Hurricane Center said.",
        "The storm came ashore near the fishing town of Port Alder shortly after 2 a.m. local time. Officials warned of a life-threatening storm surge of up to 15 feet in some areas.",
        "More than 300,000 homes and businesses were without power by dawn, according to utility data. Emergency crews were unable to reach the worst-hit areas while winds remained strong.",
        "The governor declared a state of emergency and said the National Guard had been deployed. No deaths had been confirmed by morning, but officials said it was too early to know the full extent of the damage.",
        "Forecasters said Delia would weaken as it moved inland but would bring heavy rain and flash flooding to several states over the weekend.",
    ]),
    dict(topic="storm", key="evacuation", title="Hundreds of thousands ordered to evacuate as Delia approaches", paragraphs=[
        "Authorities ordered hundreds of thousands of people to leave coastal areas on Wednesday as Hurricane Delia strengthened over the Gulf of Mexico and headed towards the coast.",
        "The governor said mandatory evacuation orders covered six counties and urged residents not to wait. Highways leading inland were jammed with traffic and many petrol stations ran out of fuel.",
        "The National Hurricane Center said Delia had become a Category 3 storm and could strengthen further before landfall, expected early on Thursday. A storm surge of up to 15 feet was possible near Port Alder.",
        "Shelters opened in schools and churches, and hospitals in low-lying areas moved patients to other facilities. The National Guard was placed on standby.",
        "Residents who stayed behind boarded up windows and stacked sandbags outside their homes.",
    ]),
    dict(topic="storm", key="outages", title="Millions without power days after Hurricane Delia", paragraphs=[
        "More than a million homes and businesses remained without electricity on Saturday, two days after Hurricane Delia struck the Gulf Coast, as the heat rose and officials warned that some areas could be without power for weeks.",
        "Utility companies said thousands of workers from other states had arrived to help repair downed lines and damaged substations. Restoring power to the hardest-hit towns would require rebuilding parts of the grid, they said.",
        "The death toll from the storm rose to 11, including two people who died from carbon monoxide poisoning while running generators indoors, the state health department said.",
        "Long lines formed at petrol stations and at distribution points for water and ice. The governor said the federal government had approved a disaster declaration.",
        "In Port Alder, where the storm made landfall, residents returned to find homes without roofs and streets blocked by fallen trees.",
    ]),
    dict(topic="storm", key="insurance", title="Insurers face up to $30 billion in losses from Delia", paragraphs=[
        "Insured losses from Hurricane Delia could reach between 20 and 30 billion dollars, according to an estimate published on Monday by catastrophe modelling firm Meridian Risk.",
        "The estimate covers wind and storm surge damage to homes, businesses and vehicles but excludes losses covered by the federal flood insurance programme. Meridian said the wide range reflected uncertainty about flooding inland.",
        "Shares of several insurers fell on the news. Analysts said the storm would add to pressure on companies already pulling back from coastal states because of rising claims.",
        "Hurricane Delia made landfall last week as a Category 4 storm, leaving more than a million customers without power.",
        "Meridian said it expected to revise the figure as claims data came in over the coming weeks.",
    ]),
    # --- topic: tech ---
    dict(topic="tech", key="ai-act", title="EU begins enforcing first rules of AI Act", paragraphs=[
        "The first provisions of the European Union's Artificial Intelligence Act took effect on Sunday, banning AI systems deemed to pose an unacceptable risk, such as social scoring and some forms of predictive policing.",
        "Companies that break the rules face fines of up to 35 million euros or 7 percent of global annual turnover, whichever is higher. The European Commission published guidelines explaining which practices are prohibited.",
        "Rules for general-purpose AI models, including large language models, will apply from August, while most other obligations take effect in 2026.",
        "Technology companies have lobbied for a delay, arguing that the law is complex and could harm innovation in Europe. Consumer groups said enforcement would be the real test.",
        "The AI Act was approved last year after lengthy negotiations between EU governments and the European Parliament.",
    ]),
    dict(topic="tech", key="chip-earnings", title="Chipmaker Voltra beats forecasts on AI demand", paragraphs=[
        "Chipmaker Voltra reported quarterly revenue well above analysts' forecasts on Wednesday, driven by demand for its processors used in artificial intelligence data centres, and raised its outlook for the rest of the year.",
        "Revenue rose 62 percent from a year earlier to 18.4 billion dollars, while net profit more than doubled. Chief Executive Lena Okafor said customers were struggling to get enough chips.",
        "Shares of Voltra rose 8 percent in after-hours trading. The company has become one of the most valuable in the world on the back of the AI boom.",
        "Voltra said supply constraints would ease in the second half of the year as new factories came online, but warned that export restrictions to China would weigh on sales.",
        "Analysts said the results eased fears that spending on AI infrastructure was slowing.",
    ]),
    dict(topic="tech", key="antitrust", title="Court rules search giant illegally maintained monopoly", paragraphs=[
        "A U.S. federal judge ruled on Monday that search company Quarry illegally maintained a monopoly in online search, handing the Justice Department a major victory in its first big technology antitrust case in decades.",
        "The judge found that Quarry paid billions of dollars a year to smartphone makers and browser developers to be the default search engine, shutting out rivals. The company said it would appeal.",
        "The ruling does not yet set out remedies, which will be decided in a separate phase of the case. Options could range from banning exclusive contracts to breaking up parts of the company.",
        "Shares of Quarry fell 4 percent. Legal experts said the case could reshape how technology companies strike distribution deals.",
        "The European Union has also fined Quarry several times for breaching competition rules.",
    ]),
    dict(topic="tech", key="breach", title="Retailer says hackers stole data of 40 million customers", paragraphs=[
        "Retail chain Hartwell said on Friday that hackers had stolen personal data of about 40 million customers, including names, addresses and partial payment card numbers, in one of the largest breaches of its kind.",
        "The company said it discovered the intrusion last month and had notified law enforcement. It said full card numbers and passwords were not taken and that it was contacting affected customers.",
        "Security researchers said the attack appeared to have exploited a flaw in software used by a third-party supplier. A criminal group claimed responsibility on a dark web forum and offered the data for sale.",
        "Shares of Hartwell fell 6 percent. Regulators in the United States and Europe said they were looking into the incident.",
        "The company urged customers to watch out for phishing emails that used the stolen information.",
    ]),
    # --- topic: football ---
    dict(topic="football", key="final", title="Porto Alegre stun Madrid to win Champions League", paragraphs=[
        "Porto Alegre won the Champions League for the first time on Saturday, beating Madrid 2-1 in the final at Wembley with a late goal from substitute Tiago Reis.",
        "Madrid took the lead in the first half through a header from captain Luis Romero, but Porto Alegre equalised after the break when Samuel Okoye scored from the edge of the area.",
        "Reis, who came on in the 78th minute, struck in stoppage time to send thousands of travelling fans into celebration.",
        "Porto Alegre coach Marta Lindqvist became the first woman to win the competition as a head coach. She said her players had shown incredible belief.",
        "Madrid, who had won the trophy five times in the past decade, had been strong favourites.",
    ]),
    dict(topic="football", key="coach-sacked", title="Madrid sack coach after Champions League final defeat", paragraphs=[
        "Madrid sacked coach Enrico Valli on Tuesday, three days after the club lost the Champions League final to Porto Alegre, the club said in a statement.",
        "Valli, who joined two years ago, won the league title last season but his side finished third this year. The club thanked him for his work and said a successor would be named in the coming days.",
        "Spanish media reported that the club had already approached several candidates. Captain Luis Romero said the players were sad to see Valli leave.",
        "Madrid had been strong favourites for the final at Wembley but lost 2-1 to a stoppage-time goal.",
        "It is the third coaching change at the club in five years.",
    ]),
    dict(topic="football", key="transfer", title="Okoye joins Madrid in record transfer", paragraphs=[
        "Madrid signed striker Samuel Okoye from Porto Alegre on Monday for a fee of 150 million euros, a record for the club, weeks after he scored against them in the Champions League final.",
        "The 24-year-old signed a six-year contract and will be presented to fans at the stadium on Wednesday. The fee could rise by a further 20 million euros in bonuses.",
        "Okoye scored 31 goals in all competitions last season. He said it was a dream to join Madrid and that he wanted to win trophies.",
        "Porto Alegre said the sale would allow the club to invest in its squad. Coach Marta Lindqvist had said she hoped to keep the player.",
        "Madrid also named a new coach last week after parting ways with Enrico Valli.",
    ]),
    dict(topic="football", key="doping", title="Midfielder banned for four years after positive test", paragraphs=[
        "Porto Alegre midfielder Andre Costa was banned from football for four years on Thursday after testing positive for a banned substance, the sport's anti-doping authority said.",
        "Costa tested positive for a prohibited stimulant after a league match in March. He denied knowingly taking the substance and said it must have come from a contaminated supplement.",
        "The panel said the player had failed to show how the substance entered his system. Costa has 21 days to appeal to the Court of Arbitration for Sport.",
        "Porto Alegre, who won the Champions League last month, said they respected the decision and would support the player through the appeal process.",
        "The ban is one of the longest imposed on a top-flight player in recent years.",
    ]),
    # --- topic: election ---
    dict(topic="election", key="exit-polls", title="Exit polls show conservatives ahead in Valdoria election", paragraphs=[
        "The conservative Union party led the parliamentary election in Valdoria on Sunday with about 31 percent of the vote, according to exit polls, but appeared to fall well short of a majority.",
        "The Social Democrats of Prime Minister Elena Markovic were on around 24 percent, while the nationalist Freedom Alliance was on course for its best result at 19 percent, the polls showed.",
        "Union leader Piotr Halas told cheering supporters in the capital that voters had chosen change. He said he would begin talks with other parties on forming a government.",
        "Markovic said she would wait for the official results. Counting was expected to continue through the night.",
        "The campaign was dominated by the cost of living, migration and the war in neighbouring Ukraine.",
    ]),
    dict(topic="election", key="coalition", title="Valdoria's Union party opens coalition talks after election win", paragraphs=[
        "The conservative Union party confirmed its victory in Valdoria's parliamentary election on Monday, winning 30.8 percent of the vote, and opened talks on forming a coalition government.",
        "Union leader Piotr Halas said he would first meet the liberal Civic Forum and ruled out any deal with the nationalist Freedom Alliance, which came third with 18.9 percent.",
        "Final results from the electoral commission gave the Social Democrats of outgoing Prime Minister Elena Markovic 24.3 percent. Analysts said coalition talks could take weeks.",
        "The president is expected to ask Halas to form a government once the new parliament meets next month.",
        "Markovic congratulated Halas and said her party would lead the opposition.",
    ]),
    dict(topic="election", key="turnout", title="Record turnout in Valdoria parliamentary election", paragraphs=[
        "Turnout in Valdoria's parliamentary election reached 71 percent on Sunday, the highest since the country's first free elections, the electoral commission said.",
        "Long queues formed outside polling stations in the capital and other large cities, and some stations stayed open late to allow everyone waiting to vote. Voting abroad also reached a record.",
        "Analysts said the high turnout reflected a polarised campaign dominated by the cost of living and migration. Young voters in particular came out in larger numbers than before.",
        "The conservative Union party led by Piotr Halas was ahead in exit polls, with the Social Democrats of Prime Minister Elena Markovic second.",
        "The commission said there had been no serious irregularities.",
    ]),
    dict(topic="election", key="concedes", title="Valdoria prime minister concedes defeat", paragraphs=[
        "Valdoria Prime Minister Elena Markovic conceded defeat on Monday after her Social Democrats came second in the parliamentary election, and said she would step down as party leader.",
        "In a speech at party headquarters, Markovic thanked voters and said the result was a clear message that the party needed new leadership. She said she would stay on until a successor was chosen.",
        "Her party won 24.3 percent, behind the conservative Union party of Piotr Halas, which is now trying to form a coalition.",
        "Markovic, 58, led the government for four years, steering the country through an energy crisis after the war in Ukraine began.",
        "Several party figures have already signalled that they may run to replace her.",
    ]),
]

# Background paragraphs that wire services reuse verbatim in later stories of the same topic. Appended to
# some originals (not to their variants alone), so different stories share a whole paragraph: the hardest
# negatives in the set.
SHARED_BACKGROUND = {
    "ukraine-talks": "Russia launched its full-scale invasion of Ukraine in February 2022. Moscow says it is fighting to protect Russian speakers and to stop NATO expansion, while Kyiv and its Western allies call the war an unprovoked act of aggression.",
    "central-banks": "Central banks around the world raised interest rates sharply in 2022 and 2023 to fight the highest inflation in decades, which was driven by soaring energy prices and supply chain disruptions after the pandemic.",
    "storm": "Scientists say warmer ocean temperatures caused by climate change are making hurricanes stronger and wetter, and allowing them to intensify more quickly before they reach land.",
    "tech": "Regulators in the United States and Europe have stepped up scrutiny of large technology companies in recent years over their market power, their handling of personal data and the risks posed by artificial intelligence.",
    "football": "The Champions League is European club football's most prestigious competition and the most lucrative, with prize money and broadcast income worth hundreds of millions of euros to the clubs that go furthest.",
    "election": "Valdoria, a country of 12 million people, joined the European Union in 2004. Its governments have changed at almost every election since the end of communist rule.",
}
