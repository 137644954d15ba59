# Rhyngwyneb y thema ddiofyn yn Gymraeg.
# The default theme's interface in Welsh. Plurals follow CLDR: zero (0), one (1), two (2),
# few (3), many (6) and other. After a number from 1 to 6 the noun stays singular, with the
# mutation the number causes; 0 takes the plural ("0 straeon", as CLDR's own Welsh
# examples do); other numbers take "o" and the plural ("20 o straeon").
# Phrases a Welsh speaker at the council should check are listed in the README.

## Every page
skip-to-main = Neidio i’r prif gynnwys
header-search-label = Chwilio straeon
search-button = Chwilio
nav-label = Prif ddewislen
footer-heading = Dolenni cymorth
footer-submissions = Anfonwch stori neu enwebiad atom: <a href="mailto:{ $email }">{ $email }</a>
footer-published-by = Cyhoeddwyd gan { $organisation }. Rhoddodd y bobl yn y straeon hyn eu caniatâd; dangosir rhai yn ôl eu rôl yn unig, ar eu cais.
breadcrumb-label = Briwsion bara

## Counts: the number is shown beside the word, so only the word changes
count-stories = { $count ->
    [zero] straeon
    [one] stori
    [two] stori
    [few] stori
    [many] stori
   *[other] o straeon
}
count-nominations = { $count ->
    [zero] enwebiadau
    [one] enwebiad
    [two] enwebiad
    [few] enwebiad
    [many] enwebiad
   *[other] o enwebiadau
}
count-councils = { $count ->
    [zero] cynghorau a phartneriaid
    [one] cyngor a phartner
    [two] gyngor a phartner
    [few] chyngor a phartner
    [many] chyngor a phartner
   *[other] o gynghorau a phartneriaid
}
count-items = { $count ->
    [zero] eitemau
    [one] eitem
    [two] eitem
    [few] eitem
    [many] eitem
   *[other] o eitemau
}

## Home page
home-submit-heading = Rhannwch eich ymarfer
home-submit-text = Yn falch o ddarn o waith, neu o gydweithiwr? <a href="{ $story_url }">Rhannwch stori</a> neu <a href="{ $nomination_url }">enwebwch gydweithiwr</a>.
home-latest-stories = Y straeon ymarfer da diweddaraf
home-all-stories = Pob stori ymarfer da ({ $count })
home-no-stories = Nid oes unrhyw straeon wedi’u cyhoeddi eto.
home-nominations-heading = Fy Nghydweithiwr Gwych
home-nominations-intro = Mae cydweithwyr yn sôn wrthym am rywun sy’n haeddu cydnabyddiaeth am eu gwaith.
home-all-nominations = Pob enwebiad ({ $count })
home-no-nominations = Nid oes unrhyw enwebiadau wedi’u cyhoeddi eto.

## Listings, topics and pagination
listing-range = Yn dangos { $first } i { $last } o { $total }
nothing-published-here = Nid oes dim wedi’i gyhoeddi yma eto.
pagination-label = Tudalennu
pagination-previous = Blaenorol<span class="visually-hidden"> tudalen</span>
pagination-next = Nesaf<span class="visually-hidden"> tudalen</span>
pagination-page = Tudalen { $number }

## Page not found
not-found-heading = Heb ddod o hyd i’r dudalen
not-found-typed = Os ydych wedi teipio’r cyfeiriad gwe, gwiriwch ei fod yn gywir.
not-found-pasted = Os ydych wedi gludo’r cyfeiriad gwe, gwiriwch eich bod wedi copïo’r cyfeiriad cyfan.
not-found-next = Gallwch <a href="{ $search_url }">chwilio’r straeon</a> neu fynd i’r <a href="{ $home_url }">hafan</a>.

## A moved page
moved-heading = Mae’r dudalen hon wedi symud
moved-link = Ewch i “{ $title }”

## A story or nomination
entry-draft-banner = <strong>Rhagolwg drafft.</strong> Nid yw hwn wedi’i gyhoeddi.
entry-published = Cyhoeddwyd
entry-updated = Diweddarwyd
entry-council = Cyngor
entry-service = Gwasanaeth
voice-note-heading = Neges lais ({ $duration })
voice-note-download = Lawrlwytho’r neges lais
voice-note-transcript = Trawsgrifiad
entry-topics = Pynciau
entry-practice-areas = Meysydd ymarfer:
entry-tags = Tagiau:
entry-for-journalists = I newyddiadurwyr
entry-media-contact = Cyswllt â’r cyfryngau:
entry-image-credit = Cydnabyddiaeth y llun:
entry-plain-text = Testun plaen y stori hon, yn barod i’w gopïo
entry-more-for-journalists = Rhagor i newyddiadurwyr
entry-web-address = Cyfeiriad gwe:

## The press page
press-lead = Hanesion gweithwyr cymdeithasol eu hunain am ymarfer a wnaeth wahaniaeth, yn barod i’w hadrodd.
press-consent = Cytunodd pawb y gellir eu hadnabod yn y straeon hyn iddynt gael eu cyhoeddi. Dangosir rhai pobl yn ôl eu rôl yn unig, ar eu cais: peidiwch â cheisio eu hadnabod.
press-office = Swyddfa’r wasg
press-email = E-bost:
press-telephone = Ffôn:
press-latest-stories = Y straeon diweddaraf
press-media-contact = Cyswllt â’r cyfryngau
press-image-credit = Cydnabyddiaeth y llun
press-copy-ready = Testun yn barod i’w gopïo
press-plain-text-of = Testun plaen<span class="visually-hidden"> “{ $title }”</span>
press-all-stories = Pob stori
press-figures-heading = Ffeithiau a ffigurau
press-figures-text = Faint o straeon ac enwebiadau sydd wedi’u cyhoeddi, fesul blwyddyn, cyngor, gwasanaeth a maes ymarfer, gyda thaenlen i’w lawrlwytho: <a href="{ $stats_url }">ffeithiau a ffigurau</a>.
press-follow-heading = Dilyn straeon newydd
press-follow-text = Mae straeon newydd yn ymddangos yn y ffrydiau hyn cyn gynted ag y cânt eu cyhoeddi:
press-feed-of-stories = { $format }<span class="visually-hidden"> ffrwd o straeon</span>
press-feeds-page = Mae ffrydiau ar gyfer pob cyngor, gwasanaeth a maes ymarfer ar y <a href="{ $feeds_url }">dudalen ffrydiau</a>.

## Facts and figures
stats-lead = Wedi’u cyhoeddi hyd yma: { $stories } { $stories ->
    [zero] straeon
    [one] stori
    [two] stori
    [few] stori
    [many] stori
   *[other] o straeon
} a { $nominations } { $nominations ->
    [zero] enwebiadau
    [one] enwebiad
    [two] enwebiad
    [few] enwebiad
    [many] enwebiad
   *[other] o enwebiadau
}.
stats-only-published = Dim ond yr hyn sydd wedi’i gyhoeddi ar y wefan hon sy’n cael ei gyfrif: nid yw straeon sy’n aros am ddyddiad cyhoeddi na drafftiau anorffenedig yn cael eu cyfrif.
stats-download = Lawrlwytho’r ffigurau hyn fel taenlen (ffeil CSV)
stats-column-stories = Straeon
stats-column-nominations = Enwebiadau
stats-column-total = Cyfanswm
stats-nothing = Nid oes dim wedi’i gyhoeddi eto.

## Feeds
feeds-lead = Dilynwch straeon ac enwebiadau newydd mewn darllenydd ffrydiau: y cyfan, neu un cyngor, gwasanaeth neu faes ymarfer yn unig.
feeds-explained = Mae pob ffrwd yn cynnwys y { $limit } stori ac enwebiad diweddaraf, y mwyaf newydd yn gyntaf, gyda’u testun llawn. Copïwch gyfeiriad ffrwd i’ch darllenydd ffrydiau. Mae Atom ac RSS yn gweithio ym mron pob darllenydd; mae JSON Feed ar gyfer y darllenwyr a’r offer sy’n ei gefnogi.
feeds-link = { $format }<span class="visually-hidden"> ffrwd: { $name }</span>

## The search page (the words its script shows are still in the script)
search-label = Chwilio straeon ac enwebiadau
search-hint = Chwiliwch yn ôl pwnc, cyngor, gwasanaeth, maes ymarfer, neu enw cydweithiwr.
search-noscript = Mae angen JavaScript i chwilio, ac mae wedi’i ddiffodd neu nid yw ar gael yn eich porwr. Gallwch ddod o hyd i bopeth o hyd drwy bori: <a href="{ $base }stories/">straeon</a>, <a href="{ $base }nominations/">enwebiadau</a>, <a href="{ $base }councils/">cynghorau</a>, <a href="{ $base }services/">gwasanaethau</a>, <a href="{ $base }practice-areas/">meysydd ymarfer</a> a <a href="{ $base }years/">blynyddoedd</a>.
search-skip-to-results = Neidio i’r canlyniadau
search-filter-results = Hidlo’r canlyniadau
search-loading-filters = Wrthi’n llwytho’r hidlwyr…
search-clear-filters = Clirio’r hidlwyr
search-results = Canlyniadau
search-sort-by = Trefnu yn ôl
search-sort-relevance = Perthnasedd
search-sort-newest = Y mwyaf newydd yn gyntaf
search-show-more = Dangos rhagor o ganlyniadau

## Dates: a day of the month, its month and the year
date-long = { $day } { $month } { $year }
month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr

## Labels the program writes: page titles, navigation, kinds of entry, people
crumb-home = Hafan
nav-stories = Straeon
nav-nominations = Enwebiadau
nav-councils = Cynghorau
nav-services = Gwasanaethau
nav-practice-areas = Meysydd ymarfer
page-search = Chwilio
page-search-description = Chwilio pob stori ac enwebiad.
page-accessibility = Datganiad hygyrchedd
page-accessibility-description = Pa mor hygyrch yw’r wefan hon, a sut i roi gwybod am broblem.
page-submit-story = Rhannu stori
page-submit-story-description = Dywedwch wrth weithwyr cymdeithasol eraill am ymarfer rydych chi’n falch ohono: mae’r ffurflen hon yn eich helpu i’w ysgrifennu ac yn creu’r ffeil i’w hanfon atom.
page-submit-nomination = Enwebu cydweithiwr
page-submit-nomination-description = Dywedwch wrthym am gydweithiwr gwych: mae’r ffurflen hon yn eich helpu i ysgrifennu eich enwebiad ac yn creu’r ffeil i’w hanfon atom.
page-guide-description = Help mewn iaith glir i awduron, gydag enghraifft lawn o bob math o ffeil.
page-press = I newyddiadurwyr
page-press-description = Y straeon ymarfer da diweddaraf, gyda’u cysylltiadau â’r cyfryngau, cydnabyddiaeth y lluniau a thestun yn barod i’w gopïo.
page-stats = Ffeithiau a ffigurau
page-stats-description = Faint o straeon ymarfer da ac enwebiadau sydd wedi’u cyhoeddi, fesul blwyddyn, cyngor, gwasanaeth a maes ymarfer.
page-feeds = Ffrydiau
page-feeds-description = Dilynwch straeon ac enwebiadau newydd mewn darllenydd ffrydiau: y cyfan, neu un cyngor, gwasanaeth neu faes ymarfer.
kind-story = Stori
kind-nomination = Enwebiad
person-written-by = Awdur
person-nominee = Enwebai
person-nominated-by = Enwebwyd gan
duration-seconds = { $seconds } eiliad
duration-minutes = { $minutes ->
    [two] { $minutes } funud
   *[other] { $minutes } munud
}
duration-minutes-seconds = { $minutes } munud { $seconds } eiliad

## Listings and topics. $kind is one of: year, council, service, practice-area, tag
listing-stories-title = Straeon ymarfer da
listing-stories-intro = Gweithwyr cymdeithasol yn disgrifio ymarfer a wnaeth wahaniaeth, yn eu geiriau eu hunain.
listing-nominations-title = Enwebiadau Fy Nghydweithiwr Gwych
listing-nominations-intro = Mae cydweithwyr yn sôn wrthym am rywun sy’n haeddu cydnabyddiaeth am eu gwaith.
listing-page-of = { $title } (tudalen { $page } o { $total })
taxonomy-title = { $kind ->
    [council] Cynghorau
    [service] Gwasanaethau
    [practice-area] Meysydd ymarfer
    [tag] Tagiau
   *[year] Blynyddoedd
}
taxonomy-description = Pori straeon ac enwebiadau fesul { $kind ->
    [council] cyngor
    [service] gwasanaeth
    [practice-area] maes ymarfer
    [tag] tag
   *[year] blwyddyn
}.
term-title = { $kind ->
    [council] Straeon ac enwebiadau gan { $label }
    [tag] Wedi’u tagio “{ $label }”
    [year] Straeon ac enwebiadau { $label }
   *[other] { $label }: straeon ac enwebiadau
}
term-intro = { $count ->
    [zero] Dim eitemau wedi’u cyhoeddi
    [one] Un eitem wedi’i chyhoeddi
    [two] { $count } eitem wedi’u cyhoeddi
    [few] { $count } eitem wedi’u cyhoeddi
    [many] { $count } eitem wedi’u cyhoeddi
   *[other] { $count } o eitemau wedi’u cyhoeddi
} ar gyfer { $kind ->
    [council] y cyngor
    [service] y gwasanaeth
    [practice-area] y maes ymarfer
    [tag] y tag
   *[year] y flwyddyn
} “{ $label }”.

## Facts and figures: headings, charts and the spreadsheet
stats-grouping = { $kind ->
    [council] Cyngor
    [service] Gwasanaeth
    [practice-area] Maes ymarfer
    [tag] Tag
   *[year] Blwyddyn
}
stats-heading = { $kind ->
    [council] Fesul cyngor
    [service] Fesul gwasanaeth
    [practice-area] Fesul maes ymarfer
    [tag] Fesul tag
   *[year] Fesul blwyddyn
}
stats-section-title = Straeon ac enwebiadau a gyhoeddwyd fesul { $kind ->
    [council] cyngor
    [service] gwasanaeth
    [practice-area] maes ymarfer
    [tag] tag
   *[year] blwyddyn
}
stats-csv-header = Grŵp,Enw,Straeon,Enwebiadau,Cyfanswm
chart-description = Siart bar gyda { $rows } { $kind ->
    [council] { $rows ->
        [one] cyngor
        [two] gyngor
        [few] chyngor
        [many] chyngor
       *[other] o gynghorau
    }
    [service] { $rows ->
        [one] gwasanaeth
        [two] wasanaeth
        [few] gwasanaeth
        [many] gwasanaeth
       *[other] o wasanaethau
    }
    [practice-area] { $rows ->
        [one] maes ymarfer
        [two] faes ymarfer
        [few] maes ymarfer
        [many] maes ymarfer
       *[other] o feysydd ymarfer
    }
    [tag] { $rows ->
        [one] tag
        [two] dag
        [few] thag
        [many] thag
       *[other] o dagiau
    }
   *[year] { $rows ->
        [one] flwyddyn
        [two] flwyddyn
        [few] blwyddyn
        [many] blwyddyn
       *[other] o flynyddoedd
    }
}: i bob un, bar solet ar gyfer straeon a bar streipiog ar gyfer enwebiadau.
chart-most = Yr uchaf yw { $label }, gyda { $stories } { $stories ->
    [zero] straeon
    [one] stori
    [two] stori
    [few] stori
    [many] stori
   *[other] o straeon
} a { $nominations } { $nominations ->
    [zero] enwebiadau
    [one] enwebiad
    [two] enwebiad
    [few] enwebiad
    [many] enwebiad
   *[other] o enwebiadau
}.
chart-table-note = Mae’r tabl wrth ymyl y siart yn rhoi pob ffigur.

## The feeds page's groups
feeds-all = Pob stori ac enwebiad
feeds-group-everything = Y cyfan

## The copy-ready text beside each story (story.txt)
text-web-address = Cyfeiriad gwe
text-image = Llun
text-image-credit = Cydnabyddiaeth y llun
text-media-contact = Cyswllt â’r cyfryngau
text-published-by = Cyhoeddwyd gan

## Facts and figures: notes under a table
stats-more-than-once = Gall cofnod fod am fwy nag un { $kind ->
    [council] cyngor
    [service] gwasanaeth
    [practice-area] maes ymarfer
    [tag] tag
   *[year] flwyddyn
}; caiff ei gyfrif o dan bob un, felly mae’r rhesi hyn yn dod i fwy na’r nifer a gyhoeddwyd.
stats-not-given = Heb eu cyfrif yma, am nad ydynt yn enwi { $kind ->
    [council] cyngor
    [service] gwasanaeth
    [practice-area] maes ymarfer
    [tag] tag
   *[year] blwyddyn
}: { $stories } { $stories ->
    [zero] straeon
    [one] stori
    [two] stori
    [few] stori
    [many] stori
   *[other] o straeon
} a { $nominations } { $nominations ->
    [zero] enwebiadau
    [one] enwebiad
    [two] enwebiad
    [few] enwebiad
    [many] enwebiad
   *[other] o enwebiadau
}.

## The accessibility statement (the GOV.UK sample statement's shape)
a11y-lead = Mae’r datganiad hygyrchedd hwn yn berthnasol i { $url }, “{ $title }”, sy’n cael ei rhedeg gan { $organisation }.
a11y-intro = Rydym am i gymaint o bobl â phosibl allu defnyddio’r wefan hon. Er enghraifft, mae hynny’n golygu y dylech allu:
a11y-able-colours = newid lliwiau, lefelau cyferbyniad a ffontiau gan ddefnyddio gosodiadau eich porwr neu’ch dyfais, gan gynnwys cynllun lliw tywyll
a11y-able-zoom = chwyddo hyd at 400% heb i’r testun ddiflannu oddi ar y sgrin
a11y-able-keyboard = llywio’r wefan gyfan gan ddefnyddio bysellfwrdd yn unig
a11y-able-speech = llywio’r rhan fwyaf o’r wefan gan ddefnyddio meddalwedd adnabod llais
a11y-able-screen-reader = gwrando ar y wefan gan ddefnyddio darllenydd sgrin
a11y-able-transcripts = darllen trawsgrifiad wrth ymyl pob neges lais
a11y-simple = Rydym hefyd wedi gwneud y testun mor syml â phosibl i’w ddeall. Mae gan <a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> gyngor ar wneud eich dyfais yn haws i’w defnyddio os oes gennych anabledd.
a11y-how-heading = Pa mor hygyrch yw’r wefan hon
a11y-known-issues = Rydym yn gwybod nad yw rhai rhannau o’r wefan hon yn gwbl hygyrch. Maent wedi’u rhestru isod, o dan <a href="#non-accessible-content">cynnwys nad yw’n hygyrch</a>.
a11y-no-known-issues = Nid ydym yn ymwybodol o unrhyw rannau o’r wefan hon nad ydynt yn hygyrch.
a11y-feedback-heading = Adborth a gwybodaeth gyswllt
a11y-feedback = Os dewch o hyd i broblem gyda’r wefan hon, neu os oes arnoch angen yr wybodaeth sydd arni mewn fformat gwahanol, fel PDF hygyrch, print bras, fersiwn hawdd ei darllen, recordiad sain neu braille, cysylltwch â ni:
a11y-contact-email = e-bostiwch <a href="mailto:{ $email }">{ $email }</a>
a11y-contact-phone = ffoniwch { $phone }
a11y-enforcement-heading = Y drefn orfodi
a11y-enforcement = Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) sy’n gyfrifol am orfodi Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Chymwysiadau Symudol) (Rhif 2) 2018 (y ‘rheoliadau hygyrchedd’). Os nad ydych yn fodlon â’r ffordd rydym yn ymateb i’ch cwyn, cysylltwch â’r <a href="https://www.equalityadvisoryservice.com/">Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS)</a>.
a11y-technical-heading = Gwybodaeth dechnegol am hygyrchedd y wefan hon
a11y-committed = Mae { $organisation } wedi ymrwymo i wneud ei gwefan yn hygyrch, yn unol â Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Chymwysiadau Symudol) (Rhif 2) 2018.
a11y-compliance-heading = Statws cydymffurfio
a11y-partially-compliant = Mae’r wefan hon yn cydymffurfio’n rhannol â safon AA <a href="https://www.w3.org/TR/WCAG22/">Canllawiau Hygyrchedd Cynnwys y We fersiwn 2.2</a>, oherwydd yr achosion o beidio â chydymffurfio a restrir isod.
a11y-non-accessible-heading = Cynnwys nad yw’n hygyrch
a11y-non-accessible = Nid yw’r cynnwys a restrir isod yn hygyrch am y rhesymau canlynol.
a11y-non-compliance-heading = Peidio â chydymffurfio â’r rheoliadau hygyrchedd
a11y-fully-compliant = Mae’r wefan hon yn cydymffurfio’n llawn â safon AA <a href="https://www.w3.org/TR/WCAG22/">Canllawiau Hygyrchedd Cynnwys y We fersiwn 2.2</a>.
a11y-improving-heading = Beth rydym yn ei wneud i wella hygyrchedd
a11y-improving = Caiff pob math o dudalen ar y wefan hon ei wirio’n awtomatig, mewn cynlluniau lliw golau a thywyll, gydag axe-core mewn porwr go iawn a chyda’r Nu HTML Checker.
a11y-improving-fixing = Rydym yn gweithio i drwsio’r cynnwys nad yw’n hygyrch a restrir uchod.
a11y-preparation-heading = Paratoi’r datganiad hygyrchedd hwn
a11y-reviewed-on-date = Adolygwyd y datganiad hwn ddiwethaf ar <time datetime="{ $iso }">{ $date }</time>.
a11y-reviewed-on = Adolygwyd y datganiad hwn ddiwethaf ar { $date }.
a11y-tested = Caiff pob math o dudalen ar y wefan hon ei brofi yn erbyn safon AA WCAG 2.2 gan wiriadau awtomatig bob tro y bydd meddalwedd y wefan yn newid. Ni all gwiriadau awtomatig ddod o hyd i bob problem, felly rydym yn croesawu eich adborth.

## The "Share a story" and "Nominate a colleague" forms
form-about-you = Amdanoch chi
form-your-full-name = Eich enw llawn
form-your-role = Teitl eich swydd neu eich rôl
form-i-want-anonymous = Rwyf am fod yn ddienw
form-date = Dyddiad
form-date-hint = Heddiw, fel arfer.
form-service = Gwasanaeth
form-create-file = Creu fy ffeil
form-story-lead = Dywedwch wrth weithwyr cymdeithasol eraill am ddarn o waith rydych chi’n falch ohono, yn eich geiriau eich hun.
form-story-author-name-hint = Mae ei angen arnom i dderbyn y stori. Os ydych am fod yn ddienw, ni chaiff ei gyhoeddi.
form-story-author-role-hint = Er enghraifft, Gweithiwr cymdeithasol, tîm plant sy’n derbyn gofal. Caiff ei ddangos gyda’r stori.
form-story-anonymous-hint = Bydd y wefan yn dangos eich rôl a’ch cyngor yn unig. Peidiwch â defnyddio eich enw yn y stori.
form-about-story = Am y stori
form-title = Teitl
form-story-title-hint = Dim mwy na { $max } nod. Mae’n ymddangos mewn rhestrau o straeon a phan gaiff y stori ei rhannu.
form-summary = Crynodeb
form-summary-hint = Un neu ddwy frawddeg, dim mwy na { $max } nod. Caiff ei ddangos mewn rhestrau, canlyniadau chwilio a rhagolygon ar y cyfryngau cymdeithasol.
form-story-council = Y cyngor neu’r sefydliad y daw’r stori ohono
form-council-hint = Dechreuwch deipio i ddewis cyngor sydd eisoes ar y wefan hon, neu teipiwch enw arall.
form-service-hint = Y gwasanaeth y mae’r stori’n ymwneud ag ef yn bennaf.
form-choose-service = Dewiswch wasanaeth
form-practice-areas = Meysydd ymarfer (dewisol)
form-practice-areas-hint = Dewiswch unrhyw rai y mae’r stori’n eu dangos.
form-tags = Geiriau allweddol eraill (dewisol)
form-tags-hint = Rhowch goma rhyngddynt. Er enghraifft: tadau, llys.
form-your-story = Eich stori
form-tell-story = Adroddwch y stori
form-story-body-hint = Anelwch at 400 i 700 o eiriau. Beth oedd y sefyllfa? Beth wnaethoch chi? Beth newidiodd? Beth ddysgoch chi? Peidiwch â chynnwys rhifau ffôn, cyfeiriadau e-bost na chodau post, nac enw go iawn unrhyw un oni bai ei fod wedi cytuno.
form-story-word-count = Mae gennych 0 gair.
form-sensitive-terms-optional = Enwau go iawn a ddefnyddiwyd gennych wrth ddrafftio (dewisol)
form-story-sensitive-hint = Er enghraifft, enw cyntaf plentyn. Rhowch goma rhyngddynt. Ni chânt eu cyhoeddi byth, ac mae ein gwiriadau’n sicrhau nad ydynt yn y stori.
form-consent-heading = A yw pawb y gellir eu hadnabod wedi cytuno i’r stori gael ei chyhoeddi?
form-consent-hint = Rhaid i bawb a allai adnabod eu hunain yn y stori gytuno. Os nad ydynt wedi cytuno eto, byddwn yn ei chadw fel drafft ac yn cyhoeddi dim nes eu bod wedi cytuno.
form-consent-yes = Ydyn, ac mae eu cytundeb wedi’i gofnodi
form-consent-no = Ddim eto
form-consent-by = Pwy a gofnododd eu cytundeb?
form-consent-by-hint = Mae rôl yn ddigon, er enghraifft Rheolwr tîm. Caiff ei gadw yn y ffeil ac ni chaiff ei gyhoeddi byth.
form-consent-date = Y dyddiad y cafodd ei gofnodi
form-consent-expires = Y dyddiad y mae’n rhaid tynnu’r stori i lawr (dewisol)
form-consent-expires-hint = Dim ond os cytunodd rhywun am gyfnod cyfyngedig.
form-consent-draft = Caiff eich stori ei chadw fel drafft. Anfonwch hi atom beth bynnag: byddwn yn eich helpu i gofnodi caniatâd, ac ni fyddwn yn cyhoeddi dim nes bod pawb wedi cytuno.
form-story-other = Hoffech chi ddiolch i gydweithiwr yn lle hynny? <a href="{ $url }">Enwebwch gydweithiwr</a>.
form-nomination-lead = Dywedwch wrthym am gydweithiwr y mae ei waith yn haeddu cydnabyddiaeth. Mae enwebiad rhwng { $min } a { $max } o eiriau.
form-your-colleague = Eich cydweithiwr
form-their-full-name = Enw llawn eich cydweithiwr
form-nominee-name-hint = Mae ei angen arnom i dderbyn yr enwebiad. Os yw eich cydweithiwr am fod yn ddienw, ni chaiff ei gyhoeddi.
form-their-role = Teitl swydd neu rôl eich cydweithiwr
form-nominee-role-hint = Er enghraifft, Gweithiwr cymdeithasol ar ddyletswydd. Caiff ei ddangos ar y wefan.
form-their-organisation = Cyngor neu sefydliad eich cydweithiwr
form-colleague-anonymous = Mae fy nghydweithiwr am fod yn ddienw
form-nominee-anonymous-hint = Bydd y wefan yn dangos rôl a sefydliad eich cydweithiwr yn unig. Peidiwch â defnyddio enw eich cydweithiwr yn y teitl nac yn y testun.
form-nominator-name-hint = Os ydych am fod yn ddienw, ni chaiff ei gyhoeddi.
form-your-organisation = Eich cyngor neu eich sefydliad
form-nominator-organisation-hint = Gadewch hwn yn wag os yw’r un fath â sefydliad eich cydweithiwr.
form-nominator-anonymous-hint = Bydd y wefan yn dangos eich rôl a’ch sefydliad yn unig.
form-your-nomination = Eich enwebiad
form-short-title = Teitl byr
form-nomination-title-hint = Dim mwy na { $max } nod. Er enghraifft, Y rheolwr dyletswydd a arhosodd.
form-why-brilliant = Pam mae eich cydweithiwr yn wych?
form-nomination-body-hint = Ysgrifennwch rhwng { $min } a { $max } o eiriau. Dywedwch pwy ydyn nhw, beth wnaethon nhw a pha wahaniaeth a wnaeth: mae un enghraifft go iawn yn werth mwy na rhestr o rinweddau. Peidiwch â chynnwys rhifau ffôn, cyfeiriadau e-bost na chodau post.
form-nomination-word-count = Mae gennych 0 gair. Ysgrifennwch o leiaf { $min }.
form-more-details = Rhagor o fanylion (dewisol)
form-nomination-council = Y cyngor i’w restru oddi tano
form-nomination-council-hint = Gadewch hwn yn wag i ddefnyddio sefydliad eich cydweithiwr.
form-not-one-service = Ddim am un gwasanaeth
form-sensitive-terms = Enwau go iawn a ddefnyddiwyd gennych wrth ddrafftio
form-nomination-sensitive-hint = Er enghraifft, enw cyntaf plentyn. Rhowch goma rhyngddynt. Ni chânt eu cyhoeddi byth, ac mae ein gwiriadau’n sicrhau nad ydynt yn y testun.
form-nomination-other = Hoffech chi rannu darn o’ch gwaith eich hun yn lle hynny? <a href="{ $url }">Rhannwch stori</a>.
form-intro = Mae’r ffurflen hon yn gofyn un peth ar y tro ac yn gwirio eich atebion wrth i chi fynd. Does dim yn cael ei anfon nes i chi ddewis ei anfon: mae’r ffurflen yn creu ffeil i chi ei lawrlwytho neu ei hanfon atom drwy e-bost, ac mae golygydd yn ei darllen cyn i ddim gael ei gyhoeddi.
form-guide-link = Darllenwch <a href="{ $url }">sut i ysgrifennu stori neu enwebiad</a> i gael help, ac enghraifft o bob un.
form-error-title = Mae problem
form-result-title = Mae eich ffeil yn barod
form-result-name = Enw eich ffeil yw <code id="submit-file-name"></code>. Anfonwch hi atom mewn un o’r ffyrdd hyn:
form-download = Lawrlwytho’r ffeil
form-attach = Yna atodwch hi i e-bost.
form-open-email = Agor e-bost gyda’r ffeil ynddo
form-email-note = Mae’r ffeil yn nhestun yr e-bost, nid wedi’i hatodi: ni all gwefannau atodi ffeiliau i e-byst. Anfonwch yr e-bost fel y mae. Os yw’r testun fel petai wedi’i dorri’n fyr, lawrlwythwch y ffeil a’i hatodi yn lle hynny.
form-see-file = Gweld beth sydd yn y ffeil
form-change-answers = Gallwch newid eich atebion uchod a phwyso’r botwm eto i greu ffeil newydd.
form-nojs = <strong>Os nad yw’r ffurflen yn ymddangos</strong> (mae angen JavaScript arni), lawrlwythwch y <a href="{ $template_url }" download>ffeil { $kind ->
    [nomination] enwebiad
   *[story] stori
} wag</a>, ei llenwi mewn golygydd testun plaen fel Notepad neu TextEdit, a’i hanfon atom drwy e-bost. Mae’r <a href="{ $guide_url }">canllaw ysgrifennu</a> yn esbonio pob llinell.
form-nojs-email = <strong>Os nad yw’r ffurflen yn ymddangos</strong> (mae angen JavaScript arni), lawrlwythwch y <a href="{ $template_url }" download>ffeil { $kind ->
    [nomination] enwebiad
   *[story] stori
} wag</a>, ei llenwi mewn golygydd testun plaen fel Notepad neu TextEdit, a’i hanfon atom drwy e-bost i <a href="mailto:{ $email }">{ $email }</a>. Mae’r <a href="{ $guide_url }">canllaw ysgrifennu</a> yn esbonio pob llinell.
form-attach-to = Yna atodwch hi i e-bost at <a href="mailto:{ $email }">{ $email }</a>.

## What the forms' script shows while you fill them in. { $field } and the other values
## are filled in by the script; $words is the number of words written.
js-error-prefix = Gwall:
js-please-check = Gwiriwch y canlynol:
js-enter-author-name = Rhowch eich enw llawn
js-enter-author-role = Rhowch deitl eich swydd neu eich rôl
js-enter-title = Rhowch deitl
js-enter-summary = Rhowch grynodeb
js-enter-council = Rhowch y cyngor neu’r sefydliad y daw’r stori ohono
js-choose-service = Dewiswch wasanaeth
js-write-story = Ysgrifennwch eich stori
js-consent-choose = Dywedwch a yw pawb y gellir eu hadnabod wedi cytuno i’r stori gael ei chyhoeddi
js-enter-consent-by = Rhowch pwy a gofnododd eu cytundeb
js-enter-nominee-name = Rhowch enw llawn eich cydweithiwr
js-enter-nominee-role = Rhowch deitl swydd neu rôl eich cydweithiwr
js-enter-nominee-organisation = Rhowch gyngor neu sefydliad eich cydweithiwr
js-enter-nominator-name = Rhowch eich enw llawn
js-enter-nominator-role = Rhowch deitl eich swydd neu eich rôl
js-enter-date = Rhowch y dyddiad
js-invalid-date = Rhaid i’r dyddiad fod yn ddyddiad go iawn, fel 2026-03-02
js-enter-consent-date = Rhowch y dyddiad y cofnodwyd y caniatâd
js-invalid-consent-date = Rhaid i’r dyddiad y cofnodwyd y caniatâd fod yn ddyddiad go iawn, fel 2026-03-02
js-invalid-consent-expires = Rhaid i’r dyddiad y mae’n rhaid tynnu’r stori i lawr fod yn ddyddiad go iawn, fel 2026-03-02
js-too-long-title = Rhaid i’r teitl fod yn { $max } nod neu lai; mae’n { $length }
js-too-long-summary = Rhaid i’r crynodeb fod yn { $max } nod neu lai; mae’n { $length }
js-nomination-too-short = Mae eich enwebiad yn { $words } { $words ->
    [zero] geiriau
    [one] gair
    [two] air
    [few] gair
    [many] gair
   *[other] o eiriau
} o hyd: ysgrifennwch o leiaf { $min }
js-nomination-too-long = Mae eich enwebiad yn { $words } { $words ->
    [zero] geiriau
    [one] gair
    [two] air
    [few] gair
    [many] gair
   *[other] o eiriau
} o hyd: byrhewch ef i { $max } neu lai
js-word-count = Mae gennych { $words } { $words ->
    [zero] geiriau
    [one] gair
    [two] air
    [few] gair
    [many] gair
   *[other] o eiriau
}.
js-word-count-short = Mae gennych { $words } { $words ->
    [zero] geiriau
    [one] gair
    [two] air
    [few] gair
    [many] gair
   *[other] o eiriau
}. Ysgrifennwch o leiaf { $min }.
js-word-count-long = Mae gennych { $words } { $words ->
    [zero] geiriau
    [one] gair
    [two] air
    [few] gair
    [many] gair
   *[other] o eiriau
}. Mae hynny { $over } yn ormod: y terfyn yw { $max }.
js-word-count-within = Mae gennych { $words } { $words ->
    [zero] geiriau
    [one] gair
    [two] air
    [few] gair
    [many] gair
   *[other] o eiriau
}. Mae hynny o fewn y terfyn o { $min } i { $max }.
js-leak-own = Mae { $field } yn cynnwys eich enw, ond roeddech am fod yn ddienw. Disgrifiwch eich hun yn ôl eich rôl yn lle hynny.
js-leak-colleague = Mae { $field } yn cynnwys enw eich cydweithiwr, ond roedd am fod yn ddienw. Disgrifiwch eich cydweithiwr yn ôl ei rôl yn lle hynny.
js-leak-term = Mae { $field } yn cynnwys “{ $term }”, a restrwyd gennych fel enw go iawn a ddefnyddiwyd wrth ddrafftio. Rhowch rywbeth arall yn ei le, er enghraifft llythyren gyntaf yr enw.
js-personal-data = Mae eich testun yn cynnwys { $kind } ({ $text }). Tynnwch ef allan: ni ddylid cyhoeddi manylion cyswllt.
js-data-email = cyfeiriad e-bost
js-data-phone = rhif ffôn
js-data-postcode = cod post
js-data-nhs = rhif GIG
js-data-ni = rhif Yswiriant Gwladol
js-field-body = eich testun
js-field-title = y teitl
js-field-summary = y crynodeb
js-field-council = y cyngor
js-field-tags = y geiriau allweddol
js-field-author-name = eich enw
js-field-author-role = eich rôl
js-field-nominee-name = enw eich cydweithiwr
js-field-nominee-role = rôl eich cydweithiwr
js-field-nominee-organisation = sefydliad eich cydweithiwr
js-field-nominator-name = eich enw
js-field-nominator-role = eich rôl
js-field-nominator-organisation = eich sefydliad
js-email-subject-story = Stori ymarfer da
js-email-subject-nomination = Enwebiad Fy Nghydweithiwr Gwych
js-email-intro = Cadwch y testun isod, o’r llinell --- gyntaf i’r diwedd, fel { $file }
## The search page's script (search.js): rendered into the page, where the script reads them.
## { $n } and { $query } are filled in by the script: keep them in the text.
search-start = Teipiwch air i chwilio amdano, neu dewiswch hidlydd.
search-keep-typing = Daliwch ati i deipio i chwilio.
search-failed = Methodd y chwilio. Rhowch gynnig arall arni.
search-filters-failed = Nid oedd modd llwytho’r hidlwyr.
search-load-failed = Nid oedd modd llwytho’r chwilio. Gallwch bori o hyd: <a href="{ $base }stories/">straeon</a>, <a href="{ $base }nominations/">enwebiadau</a>, <a href="{ $base }councils/">cynghorau</a>, <a href="{ $base }services/">gwasanaethau</a>, <a href="{ $base }practice-areas/">meysydd ymarfer</a> a <a href="{ $base }years/">blynyddoedd</a>.
search-did-you-mean = Oeddech chi’n golygu { $query }?
search-facet-type = Math
search-facet-council = Cyngor
search-facet-service = Gwasanaeth
search-facet-practice-area = Maes ymarfer
search-facet-year = Blwyddyn
search-facet-story = Straeon
search-facet-nomination = Enwebiadau
search-kind-story = Stori
search-kind-nomination = Enwebiad
search-count = { $count ->
    [zero] Dim canlyniadau.
    [one] { $n } canlyniad.
    [two] { $n } ganlyniad.
    [few] { $n } chanlyniad.
    [many] { $n } chanlyniad.
   *[other] { $n } o ganlyniadau.
}
search-count-for = { $count ->
    [zero] Dim canlyniadau ar gyfer “{ $query }”.
    [one] { $n } canlyniad ar gyfer “{ $query }”.
    [two] { $n } ganlyniad ar gyfer “{ $query }”.
    [few] { $n } chanlyniad ar gyfer “{ $query }”.
    [many] { $n } chanlyniad ar gyfer “{ $query }”.
   *[other] { $n } o ganlyniadau ar gyfer “{ $query }”.
}
search-count-filtered = { $count ->
    [zero] Dim canlyniadau gyda’r hidlwyr a ddewiswyd.
    [one] { $n } canlyniad gyda’r hidlwyr a ddewiswyd.
    [two] { $n } ganlyniad gyda’r hidlwyr a ddewiswyd.
    [few] { $n } chanlyniad gyda’r hidlwyr a ddewiswyd.
    [many] { $n } chanlyniad gyda’r hidlwyr a ddewiswyd.
   *[other] { $n } o ganlyniadau gyda’r hidlwyr a ddewiswyd.
}
search-count-for-filtered = { $count ->
    [zero] Dim canlyniadau ar gyfer “{ $query }” gyda’r hidlwyr a ddewiswyd.
    [one] { $n } canlyniad ar gyfer “{ $query }” gyda’r hidlwyr a ddewiswyd.
    [two] { $n } ganlyniad ar gyfer “{ $query }” gyda’r hidlwyr a ddewiswyd.
    [few] { $n } chanlyniad ar gyfer “{ $query }” gyda’r hidlwyr a ddewiswyd.
    [many] { $n } chanlyniad ar gyfer “{ $query }” gyda’r hidlwyr a ddewiswyd.
   *[other] { $n } o ganlyniadau ar gyfer “{ $query }” gyda’r hidlwyr a ddewiswyd.
}

## Sites in more than one language: the switcher and entries not translated yet
# This language's name for itself, shown in the switcher on the other language's pages.
language-name = Cymraeg
language-switcher-label = Iaith
# Under an entry listed in a language it is not translated into; $language is the
# language it is written in.
entry-only-in-language = { $language ->
    [cy] Ar gael yn Gymraeg yn unig
   *[other] Ar gael yn Saesneg yn unig
}

## Social cards and feeds: the words drawn on a generated card, its description for people
## who cannot see it, and the names of the feeds (in feed readers and in page heads).
card-kind-story = Stori
card-kind-nomination = Fy Nghydweithiwr Gwych
# Above the title on a card: the kind of entry and its date ("Stori · 7 Rhagfyr 2026").
card-kind-date = { $kind } · { $date }
# Dashes, not "gan" or "ar", before the council and the site: a name after a preposition
# would need a mutation that a placeholder cannot make.
card-alt = { $kind }: “{ $title }” – { $site }
card-alt-council = { $kind }: “{ $title }” – { $council } – { $site }
# The description of a card left in the language its entry is written in; $language is
# that language's tag.
card-alt-in-language = { $language ->
    [cy] Cerdyn yn Gymraeg
   *[other] Cerdyn yn Saesneg
}: { $alt }
feed-all-name = Pob stori ac enwebiad
feed-all-description = Pob stori ac enwebiad – { $site }.
feed-stories-name = Straeon ymarfer da
feed-stories-description = Gweithwyr cymdeithasol yn disgrifio, yn eu geiriau eu hunain, ymarfer a wnaeth wahaniaeth.
feed-nominations-name = Enwebiadau Fy Nghydweithiwr Gwych
feed-nominations-description = Cydweithwyr yn sôn wrthym am rywun y mae ei waith yn haeddu cydnabyddiaeth.
# A council's, service's or practice area's feed; $kind is council, service or practice-area.
feed-term-name = { $kind ->
    [council] Straeon ac enwebiadau gan { $label }
   *[other] { $label }: straeon ac enwebiadau
}
feed-term-description = { $name }, y mwyaf newydd yn gyntaf.
# A feed's title in a feed reader: what it follows, then the site.
feed-title = { $name } – { $site }
# A feed in a page's head: what it follows and its format (Atom, RSS, JSON Feed).
feed-link-title = { $name } ({ $format })
## An anonymous person, shown by role and organisation instead of their name, on pages,
## in feeds, the search index and JSON-LD. $role is the role as written, with a small
## first letter unless it begins with an abbreviation; $role-capital is the same with a
## capital first letter; $sound is "vowel" or "consonant" (for the English "A"/"An").
## $organisation is the person's council or organisation.
# Welsh has no indefinite article, so the role alone says "a team manager". A comma, not
# "yn" or "gyda", before the organisation: a name after those would need a mutation
# ("yng Nghaerdydd") that a placeholder cannot make.
anonymous-person = { $role-capital }
anonymous-person-at = { $role-capital }, { $organisation }
# When the translation gives no role in Welsh: a general word rather than the English
# role in a Welsh phrase.
anonymous-colleague = Cydweithiwr
anonymous-colleague-at = Cydweithiwr, { $organisation }
## On another language's 404 page, in this language: a static host shows the default
## language's 404 page for every missing address. $home_url is this language's home.
# "am" softens "tudalen" to "dudalen"; "hafan" is feminine, so "Cymraeg" softens to "Gymraeg".
not-found-in-this-language = Heb ddod o hyd i’r dudalen. Chwilio am dudalen yn Gymraeg? Ewch i’r <a href="{ $home_url }" hreflang="cy">hafan Gymraeg</a>.
