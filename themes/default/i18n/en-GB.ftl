# The default theme's interface in British English.
# A site's theme can replace any message: copy it into themes/<name>/i18n/en-GB.ftl and change the text.
# Text here is written into pages as it is (it may hold HTML); what fills a { $placeable } is escaped.

## Every page
skip-to-main = Skip to main content
header-search-label = Search stories
search-button = Search
nav-label = Main
footer-heading = Support links
footer-submissions = Send us a story or a nomination: <a href="mailto:{ $email }">{ $email }</a>
footer-published-by = Published by { $organisation }. People in these stories gave their consent; some are shown by role only, at their request.
breadcrumb-label = Breadcrumb

## Counts: the number is shown beside the word, so only the word changes
count-stories = { $count ->
    [one] story
   *[other] stories
}
count-nominations = { $count ->
    [one] nomination
   *[other] nominations
}
count-councils = { $count ->
    [one] council and partner
   *[other] councils and partners
}
count-items = { $count ->
    [one] item
   *[other] items
}

## Home page
home-submit-heading = Share your practice
home-submit-text = Proud of a piece of work, or of a colleague? <a href="{ $story_url }">Share a story</a> or <a href="{ $nomination_url }">nominate a colleague</a>.
home-latest-stories = Latest good-practice stories
home-all-stories = All { $count } good-practice { $count ->
    [one] story
   *[other] stories
}
home-no-stories = No stories have been published yet.
home-nominations-heading = My Brilliant Colleague
home-nominations-intro = Colleagues tell us about someone whose work deserves recognition.
home-all-nominations = All { $count } { $count ->
    [one] nomination
   *[other] nominations
}
home-no-nominations = No nominations have been published yet.

## Listings, topics and pagination
listing-range = Showing { $first } to { $last } of { $total }
nothing-published-here = Nothing has been published here yet.
pagination-label = Pagination
pagination-previous = Previous<span class="visually-hidden"> page</span>
pagination-next = Next<span class="visually-hidden"> page</span>
pagination-page = Page { $number }

## Page not found
not-found-heading = Page not found
not-found-typed = If you typed the web address, check it is correct.
not-found-pasted = If you pasted the web address, check you copied the entire address.
not-found-next = You can <a href="{ $search_url }">search the stories</a> or go to the <a href="{ $home_url }">home page</a>.

## A moved page
moved-heading = This page has moved
moved-link = Go to “{ $title }”

## A story or nomination
entry-draft-banner = <strong>Draft preview.</strong> This is not published.
entry-published = Published
entry-updated = Updated
entry-council = Council
entry-service = Service
voice-note-heading = Voice note ({ $duration })
voice-note-download = Download the voice note
voice-note-transcript = Transcript
entry-topics = Topics
entry-practice-areas = Practice areas:
entry-tags = Tags:
entry-for-journalists = For journalists
entry-media-contact = Media contact:
entry-image-credit = Image credit:
entry-plain-text = Copy-ready plain text of this story
entry-more-for-journalists = More for journalists
entry-web-address = Web address:

## The press page
press-lead = Social workers’ own accounts of practice that made a difference, ready to report.
press-consent = Everyone identifiable in these stories agreed to their publication. Some people are shown by their role only, at their request: please do not try to identify them.
press-office = Press office
press-email = Email:
press-telephone = Telephone:
press-latest-stories = Latest stories
press-media-contact = Media contact
press-image-credit = Image credit
press-copy-ready = Copy-ready text
press-plain-text-of = Plain text<span class="visually-hidden"> of “{ $title }”</span>
press-all-stories = All stories
press-figures-heading = Facts and figures
press-figures-text = How many stories and nominations have been published, by year, council, service and practice area, with a spreadsheet download: <a href="{ $stats_url }">facts and figures</a>.
press-follow-heading = Follow new stories
press-follow-text = New stories appear in these feeds as soon as they are published:
press-feed-of-stories = { $format }<span class="visually-hidden"> feed of stories</span>
press-feeds-page = There are feeds for each council, service and practice area on the <a href="{ $feeds_url }">feeds page</a>.

## Facts and figures
stats-lead = { $stories } { $stories ->
    [one] story
   *[other] stories
} and { $nominations } { $nominations ->
    [one] nomination
   *[other] nominations
} published so far.
stats-only-published = Only what is published on this site is counted: stories waiting for a publication date and unfinished drafts are not.
stats-download = Download these figures as a spreadsheet (CSV file)
stats-column-stories = Stories
stats-column-nominations = Nominations
stats-column-total = Total
stats-nothing = Nothing has been published yet.

## Feeds
feeds-lead = Follow new stories and nominations in a feed reader: everything, or just one council, service or practice area.
feeds-explained = Each feed holds the latest { $limit } stories and nominations, newest first, with their full text. Copy a feed’s address into your feed reader. Atom and RSS work in almost every reader; JSON Feed is for the readers and tools that support it.
feeds-link = { $format }<span class="visually-hidden"> feed: { $name }</span>

## The search page (the words its script shows are still in the script)
search-label = Search stories and nominations
search-hint = Search by topic, council, service, practice area, or a colleague's name.
search-noscript = Search needs JavaScript, which is turned off or not available in your browser. You can still find everything by browsing: <a href="{ $base }stories/">stories</a>, <a href="{ $base }nominations/">nominations</a>, <a href="{ $base }councils/">councils</a>, <a href="{ $base }services/">services</a>, <a href="{ $base }practice-areas/">practice areas</a> and <a href="{ $base }years/">years</a>.
search-skip-to-results = Skip to results
search-filter-results = Filter results
search-loading-filters = Loading filters…
search-clear-filters = Clear filters
search-results = Results
search-sort-by = Sort by
search-sort-relevance = Relevance
search-sort-newest = Newest first
search-show-more = Show more results

## Dates: a day of the month, its month and the year
date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Sites in more than one language: the switcher and entries not translated yet
# This language's name for itself, shown in the switcher on the other language's pages.
language-name = English
language-switcher-label = Language
# Under an entry listed in a language it is not translated into; $language is the
# language it is written in.
entry-only-in-language = { $language ->
    [cy] Available in Welsh only
   *[other] Available in English only
}
