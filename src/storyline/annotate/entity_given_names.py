"""Common given names, for spotting a person's name that comes without a title.

"said Walter Brandt", "Heidi Lorenz und Jonas Kraft": a frequent given name followed by a
capitalised word is good evidence of a person. The list covers names common in European, Slavic
(in English and German transliteration), Turkish, Arabic, Persian, Hebrew and some Asian and
African usage. Names that are also everyday words in en/de/fr ("Will", "May", "Mark", "Rose",
"Christian", "August", "Ernst", "Frank", "Roman", "Iris", "Milan", "Sofia", "Mercedes") are left
out on purpose: "Christian Democrats",
"im August", "Milliarden Mark" must not become people. Stored folded (``entity_text.fold``).
"""

from __future__ import annotations

from storyline.annotate.entity_text import fold

_NAMES = """
aaron abdul abdullah abel abraham achim adam  adolf adrian adriana adrien agata agnes
agnieszka ahmad ahmed aida aiko ainhoa akira alain alan alberto albrecht aleksander aleksandr
aleksandra alessandra alessandro alessia alex alexander alexandra alexandre alexei alexej alexey
alfonso alfred alfredo ali alice alicia alina alison alois aloys amadou amanda ambroise amelia
amir amira amy ana anastasia anatoli anatoliy anatoly andrea andreas andrej andrew andrey andrzej
andré andrés angela angelika angelo anja anke ann anna annalena anne annegret annette anni
annika antje anton antoine antonia antonio anusha arash arend ariane arjen armin arnaud arne arnold
arthur artur arturo asger astrid aurélie axel ayse ayşe aziz baptiste barack barbara barbora
bart bas basil bastian beata beate beatrice beatrix ben benedikt benjamin benoît benoit bernadette
bernard bernd bernhard bertrand bettina bianca birgit birte bjorn björn blanca bogdan bohdan
boris brigitte britta bruno burak burkhard burkhardt bülent camille carina carla carles carlo
carlos carmen carola carolin caroline carsten catherine cathy cecilia cédric celine cem cemal
charles charlotte chiara christa christel christiane christina christine christoph christophe
christopher claire clara claude claudia claudio clemens colin conny constance constanze
cornelia cornelius corrado cristina cyril dagmar dalia damian damien dan daniel daniela danielle
danuta dario david davide deborah delphine denis denise dennis desmond detlef diana didier diego
dieter dietmar dietrich dimitri dimitrios dirk dmitri dmitrij dmitriy dmitry dominik dominique
donald doris dorothea dorothee duncan edgar edith eduard eduardo edward edwin egon ehud elena
eleni eli elias elif elisa elisabeth elise elizabeth elke ella ellen elsa emanuel emilia emilie
emily emine emma emmanuel emre enrico enrique erdogan erhard eric erik erika erwin esther
étienne eugen eugene eva evelyn fabian fabien fabio fabrice farid fatima fatma federica federico
felipe felix ferdinand fernando filip filippo  florian francesca francesco francis
francisco françois francoise françoise franz franziska fred frederic frédéric frederik friedrich
fritz gabriel gabriela gabriele gaël geert georg george georges georgi gerald gerard gérard
gerd gerhard gernot gerrit gert gertrud giorgia giorgio giovanni gisela giulia giuseppe gottfried
grégoire gregor gregory greta gudrun guido guillaume günter günther gustav gustavo hakan hamid
hana hannah hannelore hans hansjörg harald harold hasan hassan heidi heike heiko heiner heinrich
heinz helen helena helene helga helmut hendrik henri henrik henriette henry herbert hermann hilde
hildegard holger horst hubert hugo hugues ibrahim igor ilja ilya ilse imad imke ines ingeborg
ingo ingrid irene irina  isabel isabella isabelle ismail ivan ivana iwan jacek jacob jacqueline
jacques jakob jakub jamal james jan jana janina janusz jaroslaw jarosław jasmin jasper javier
jean jeanne jeffrey jennifer jens jeremy jérôme jerzy jesper jessica jesús jiří joachim joanna
joao joão jochen joe joel johan johann johanna johannes john jonas jonathan jordi jorge jörg
josé josef joseph josephine juan judith jules julia julian julie julien juliette jürgen justin
jutta kai kaja kamala karin karina karl karla karolina katarina katarzyna katharina kathrin
katja katrin kemal kenji kerstin kevin khaled khalid kim klara klaus konrad konstantin krisztina
kristina krzysztof kurt lara lars laszló laszlo laura laurent lea léa lena leo léon leon leonie
leonid lorenzo lothar louis louise luc luca lucas lucia lucie ludwig luigi luis luisa lukas
luke lutz luz magdalena maik mandy manfred manon manuel manuela marc marcel marcin marco marcus
margarete margaret margit margot marguerite maria mariam marian marianne marie marina mario
marion marius marjorie marko markus marta martin martina martine mary maryam massimo mateusz
mathias mathieu mathilde matteo matthew matthias maurice max maxim maxime maximilian mehmet
melanie menachem  mette michael michaela michal michał michel michele michelle miguel
mikhail mikkel  miriam mirko miroslav mohamed mohammad mohammed monika moritz mustafa
nadia nadine naftali naomi natalia natalie nathalie nicola nicolai nicolas nicole niels
nikita niklas nikola nikolai nikolaj nikolaus nils nina noah norbert nora nuri oksana olaf
olga oliver olivia olivier olof omar oscar oskar otto pablo paola paolo pascal patricia
patrick paul paula pauline pavel pawel paweł pedro  peter petr petra philipp philippe
pierre pieter piotr rachel rafael rafał raffaele rainer ralf ralph ramón raphael raphaël
rasmus raúl recep regina reinhard reinhold renate renaud rené riccardo richard rik rita
robert roberta roberto robin rodrigo roger roland rolf  romano ronald  rüdiger rudolf
rudi ruth sabine sabrina sami samir samuel sandra sara sarah sascha sebastian sébastien selim
serge sergei sergej sergey sergio sergiy shimon sigmar silke silvia simon simone  sofie
sonja sophie stanislav stanisław stefan stefanie steffen stephan stéphane stephanie sten
steve steven susanne svea sven svenja sylvia sylvie tamara tanja tatiana tatjana thea theo
theresa thierry thilo thomas thorsten tilman  tim timo tobias tom tomas tomasz tomás
toni torsten ulf ulla ulrich ulrike ursula uta ute uwe valentin valentina valeria valérie
vanessa vasile vera veronika viktor viktoria vincent virginie vitali vitaliy vitaly vladimir
vladislav volker volodymyr waldemar walter werner wilfried wilhelm willem william willy
witold wladimir wolfgang wolodymyr xavier yannick yasmin youssef yulia yuri yusuf yves
zbigniew zeynep zoltan zoltán zoran tayyip inácio
"""

GIVEN_NAMES: frozenset[str] = frozenset(fold(n) for n in _NAMES.split())


def is_given_name(word: str) -> bool:
    return fold(word) in GIVEN_NAMES
