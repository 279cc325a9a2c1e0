import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Writes the bundled, ILLUSTRATIVE offline corpus: synthetic news and press releases (2022-01-01 to
 * 2023-06-30) shaped after the cases of the seed paper. Deterministic: the same files every run.
 *
 * <pre>java feeds/archive/GenerateArchive.java feeds/archive</pre>
 */
public class GenerateArchive {
    static final LocalDate FIRST = LocalDate.of(2022, 1, 1);
    static final LocalDate LAST = LocalDate.of(2023, 6, 30);
    static final ZoneOffset ALMATY = ZoneOffset.ofHours(6);

    record Source(String id, String role, String[] langs) { }

    static final Source[] PUBLIC = {
        new Source("tengrinews", "independent_media", new String[] {"ru"}),
        new Source("zakon-kz", "independent_media", new String[] {"ru"}),
        new Source("vlast-kz", "independent_media", new String[] {"ru"}),
        new Source("orda-kz", "independent_media", new String[] {"ru"}),
        new Source("azattyq-kk", "international_media", new String[] {"kk"}),
        new Source("azattyq-ru", "international_media", new String[] {"ru"}),
        new Source("eurasianet", "international_media", new String[] {"en"}),
        new Source("times-ca", "international_media", new String[] {"en"}),
        new Source("kursiv-en", "independent_media", new String[] {"en"}),
        new Source("atajurt", "civil_society", new String[] {"kk", "ru"}),
        new Source("telegram-public", "social", new String[] {"ru", "kk"}),
    };
    static final Source AKORDA = new Source("akorda", "government", new String[] {"ru", "kk", "en"});
    static final Source MFA = new Source("mfa-kz", "government", new String[] {"ru", "kk", "en"});
    static final Source PM = new Source("primeminister", "government", new String[] {"ru", "kk"});
    static final Source[] GOVERNMENT = {AKORDA, MFA, PM};
    static final Source[] STATE = {
        new Source("kazinform", "state_media", new String[] {"ru", "kk", "en"}),
        new Source("khabar24", "state_media", new String[] {"ru", "kk"}),
    };

    // ---- vocabulary: {c} city, {n} number, {m} month-ish number ------------------------------
    static final Map<String, String[]> CITY = Map.of(
            "ru", new String[] {"Астане", "Алматы", "Шымкенте", "Караганде", "Актобе", "Павлодаре", "Уральске"},
            "kk", new String[] {"Астанада", "Алматыда", "Шымкентте", "Қарағандыда", "Ақтөбеде", "Павлодарда", "Оралда"},
            "en", new String[] {"Astana", "Almaty", "Shymkent", "Karaganda", "Aktobe", "Pavlodar", "Uralsk"});

    /** A theme: titles and body sentences per language. */
    record Theme(Map<String, String[]> titles, Map<String, String[]> sentences) { }

    static Theme theme(String[] ruT, String[] ruS, String[] kkT, String[] kkS, String[] enT, String[] enS) {
        return new Theme(Map.of("ru", ruT, "kk", kkT, "en", enT), Map.of("ru", ruS, "kk", kkS, "en", enS));
    }

    static final Theme[] ORDINARY = {
        theme(new String[] {"Курс тенге укрепился на {n} тиын", "Нацбанк сохранил базовую ставку", "Инфляция в Казахстане замедлилась до {n}%"},
              new String[] {"Аналитики связывают динамику с ценами на нефть.", "Решение принято на очередном заседании Национального банка.", "Эксперты ожидают стабилизации цен к концу квартала.", "В обменных пунктах в {c} очередей не наблюдалось.", "Рост цен на продукты остается главным фактором инфляции."},
              new String[] {"Теңге бағамы {n} тиынға нығайды", "Ұлттық банк базалық мөлшерлемені сақтады", "Қазақстанда инфляция {n}%-ға дейін баяулады"},
              new String[] {"Сарапшылар бұл өзгерісті мұнай бағасымен байланыстырады.", "Шешім Ұлттық банктің кезекті отырысында қабылданды.", "Сарапшылар тоқсан соңына дейін бағаның тұрақтануын күтеді.", "{c} айырбастау пункттерінде кезек байқалмады.", "Азық-түлік бағасының өсуі инфляцияның басты факторы болып отыр."},
              new String[] {"Tenge strengthens by {n} tiyn", "National Bank keeps its base rate", "Inflation in Kazakhstan slows to {n}%"},
              new String[] {"Analysts link the move to oil prices.", "The decision was taken at a regular meeting of the National Bank.", "Economists expect prices to stabilise by the end of the quarter.", "Exchange offices in {c} reported no queues.", "Food prices remain the main driver of inflation."}),
        theme(new String[] {"В {c} стартовала посевная кампания", "Аграрии собрали {n} млн тонн зерна", "Фермеры жалуются на дорогое дизтопливо"},
              new String[] {"Весенние работы идут с опережением графика.", "Урожайность в этом году выше прошлогодней.", "Местные власти обещают субсидии на удобрения.", "Фермеры просят упростить доступ к кредитам.", "Погода благоприятствует полевым работам."},
              new String[] {"{c} көктемгі егіс науқаны басталды", "Диқандар {n} млн тонна астық жинады", "Фермерлер дизель отынының қымбаттығына шағымданады"},
              new String[] {"Көктемгі жұмыстар кестеден озып жүр.", "Биылғы өнімділік өткен жылғыдан жоғары.", "Жергілікті билік тыңайтқыштарға субсидия беруге уәде етті.", "Фермерлер несие алуды жеңілдетуді сұрайды.", "Ауа райы егіс жұмыстарына қолайлы."},
              new String[] {"Sowing season starts near {c}", "Farmers harvest {n} million tonnes of grain", "Farmers complain about expensive diesel"},
              new String[] {"Spring field work is ahead of schedule.", "Yields this year are higher than last year.", "Local authorities promise subsidies for fertiliser.", "Farmers ask for easier access to loans.", "The weather favours field work."}),
        theme(new String[] {"В {c} ожидается похолодание до минус {n}", "Синоптики предупредили о сильном ветре", "Снегопад осложнил движение в {c}"},
              new String[] {"Казгидромет выпустил штормовое предупреждение.", "Водителей просят быть осторожнее на трассах.", "Коммунальные службы работают в усиленном режиме.", "Похолодание продлится несколько дней."},
              new String[] {"{c} аяз минус {n} градусқа дейін күшейеді", "Синоптиктер қатты жел туралы ескертті", "Қар жауып, {c} көлік қозғалысы қиындады"},
              new String[] {"Қазгидромет дауылды ескерту жариялады.", "Жүргізушілерге жолда сақ болу ұсынылады.", "Коммуналдық қызметтер күшейтілген режимде жұмыс істеуде.", "Суық бірнеше күнге созылады."},
              new String[] {"Cold snap to minus {n} expected in {c}", "Forecasters warn of strong winds", "Snowfall disrupts traffic in {c}"},
              new String[] {"Kazhydromet issued a storm warning.", "Drivers are asked to take care on highways.", "Utility services are working around the clock.", "The cold is expected to last several days."}),
        theme(new String[] {"Сборная Казахстана по футболу сыграла вничью", "Казахстанский боксер завоевал золото", "В {c} прошел городской марафон"},
              new String[] {"Матч собрал более {n} тысяч зрителей.", "Тренер остался доволен игрой команды.", "Следующий турнир пройдет осенью.", "Спортсмены поблагодарили болельщиков за поддержку."},
              new String[] {"Қазақстан футбол құрамасы тең ойнады", "Қазақстандық боксшы алтын медаль жеңіп алды", "{c} қалалық марафон өтті"},
              new String[] {"Ойынды {n} мыңнан астам көрермен тамашалады.", "Бапкер команданың ойынына көңілі толды.", "Келесі турнир күзде өтеді.", "Спортшылар жанкүйерлерге қолдау үшін алғыс айтты."},
              new String[] {"Kazakhstan football team held to a draw", "Kazakh boxer wins gold", "City marathon held in {c}"},
              new String[] {"The match drew more than {n} thousand spectators.", "The coach was pleased with the team.", "The next tournament takes place in the autumn.", "The athletes thanked the fans for their support."}),
        theme(new String[] {"Тарифы на коммунальные услуги вырастут на {n}%", "Жители {c} пожаловались на отключения тепла", "Энергетики обещают завершить ремонт ТЭЦ"},
              new String[] {"Антимонопольное ведомство проверит обоснованность тарифов.", "Жители требуют объяснений от акимата.", "Ремонт сетей планируется завершить к зиме.", "Износ инфраструктуры превышает {n}%."},
              new String[] {"Коммуналдық қызмет тарифтері {n}%-ға өседі", "{c} тұрғындары жылу өшірілуіне шағымданды", "Энергетиктер ЖЭО жөндеуін аяқтауға уәде берді"},
              new String[] {"Монополияға қарсы ведомство тарифтердің негізділігін тексереді.", "Тұрғындар әкімдіктен түсініктеме талап етеді.", "Желілерді жөндеу қысқа дейін аяқталады.", "Инфрақұрылымның тозуы {n}%-дан асады."},
              new String[] {"Utility tariffs to rise by {n}%", "Residents of {c} complain about heating outages", "Power engineers promise to finish plant repairs"},
              new String[] {"The competition agency will review the tariffs.", "Residents demand an explanation from the akimat.", "Network repairs are due to finish before winter.", "Wear of the infrastructure exceeds {n}%."}),
        theme(new String[] {"В школах {c} не хватает {n} учителей", "Минпросвещения изменит правила ЕНТ", "В {c} открылась новая больница"},
              new String[] {"Родители обеспокоены нехваткой мест в школах.", "Новые правила вступят в силу со следующего года.", "Больница рассчитана на {n} коек.", "Чиновники обещают решить проблему до сентября."},
              new String[] {"{c} мектептерге {n} мұғалім жетіспейді", "Оқу-ағарту министрлігі ҰБТ ережесін өзгертеді", "{c} жаңа аурухана ашылды"},
              new String[] {"Ата-аналар мектептердегі орын тапшылығына алаңдаулы.", "Жаңа ереже келесі жылдан бастап күшіне енеді.", "Аурухана {n} төсек-орынға арналған.", "Шенеуніктер мәселені қыркүйекке дейін шешуге уәде берді."},
              new String[] {"Schools in {c} short of {n} teachers", "Education ministry to change exam rules", "New hospital opens in {c}"},
              new String[] {"Parents are worried about a shortage of school places.", "The new rules take effect next year.", "The hospital has {n} beds.", "Officials promise to solve the problem by September."}),
        theme(new String[] {"Ремонт трассы {c} — Алматы завершат к осени", "В {c} запустили новые автобусы", "Цены на бензин выросли на {n} тенге"},
              new String[] {"Подрядчик обещает открыть движение по всем полосам.", "На маршруты вышли {n} новых автобусов.", "Автовладельцы недовольны ростом цен.", "Акимат обещает усилить контроль за качеством дорог."},
              new String[] {"{c} — Алматы тас жолын жөндеу күзге дейін аяқталады", "{c} жаңа автобустар іске қосылды", "Бензин бағасы {n} теңгеге өсті"},
              new String[] {"Мердігер барлық жолақтарда қозғалысты ашуға уәде береді.", "Бағыттарға {n} жаңа автобус шықты.", "Көлік иелері бағаның өсуіне наразы.", "Әкімдік жол сапасын бақылауды күшейтуге уәде берді."},
              new String[] {"Highway repairs near {c} to finish by autumn", "New buses launched in {c}", "Petrol prices up by {n} tenge"},
              new String[] {"The contractor promises to open all lanes.", "{n} new buses are now on the routes.", "Drivers are unhappy about rising prices.", "The akimat promises stricter control of road quality."}),
        theme(new String[] {"Казахстан и Узбекистан обсудили водные ресурсы", "Делегация ЕС посетила {c}", "Казахстан увеличит экспорт нефти через КТК"},
              new String[] {"Стороны договорились о совместном использовании рек.", "Обсуждались вопросы торговли и инвестиций.", "Объем экспорта может вырасти на {n}%.", "Встреча прошла в конструктивной атмосфере."},
              new String[] {"Қазақстан мен Өзбекстан су ресурстарын талқылады", "ЕО делегациясы {c} болды", "Қазақстан КҚК арқылы мұнай экспортын арттырады"},
              new String[] {"Тараптар өзендерді бірлесіп пайдалану туралы келісті.", "Сауда және инвестиция мәселелері талқыланды.", "Экспорт көлемі {n}%-ға өсуі мүмкін.", "Кездесу сындарлы жағдайда өтті."},
              new String[] {"Kazakhstan and Uzbekistan discuss water resources", "EU delegation visits {c}", "Kazakhstan to raise oil exports via CPC"},
              new String[] {"The sides agreed on joint use of rivers.", "Trade and investment were discussed.", "Export volumes may grow by {n}%.", "The meeting was held in a constructive atmosphere."}),
    };

    /** Routine government business, on no foreign-policy case. */
    static final Theme GOV_ROUTINE = theme(
            new String[] {"Глава государства провел совещание по развитию регионов", "Правительство обсудило ход отопительного сезона", "Президент принял акима {c}", "МИД провел брифинг по текущим вопросам"},
            new String[] {"Поставлены задачи по повышению качества государственных услуг.", "Особое внимание уделено строительству жилья.", "Поручено усилить контроль за ценами на социально значимые товары.", "Рассмотрены итоги социально-экономического развития за {n} месяцев."},
            new String[] {"Мемлекет басшысы өңірлерді дамыту жөнінде кеңес өткізді", "Үкімет жылыту маусымының барысын талқылады", "Президент {c} әкімін қабылдады", "СІМ ағымдағы мәселелер бойынша брифинг өткізді"},
            new String[] {"Мемлекеттік қызметтердің сапасын арттыру жөнінде міндеттер қойылды.", "Тұрғын үй құрылысына ерекше назар аударылды.", "Әлеуметтік маңызы бар тауарлар бағасын бақылауды күшейту тапсырылды.", "{n} айдағы әлеуметтік-экономикалық дамудың қорытындысы қаралды."},
            new String[] {"Head of State holds meeting on regional development", "Government reviews the heating season", "President receives the akim of {c}", "Foreign Ministry holds a briefing"},
            new String[] {"Tasks were set to improve public services.", "Special attention was paid to housing construction.", "Control over prices of essential goods is to be tightened.", "Results of {n} months of socio-economic development were reviewed."});

    /** Routine mentions of a country: trade, transit, sport. Index: 0 Russia, 1 China, 2 Ukraine, 3 Turkey. */
    static final Theme[] COUNTRY_ROUTINE = {
        theme(new String[] {"Товарооборот с Россией вырос на {n}%", "Казахстан и Россия обсудили транзит зерна"},
              new String[] {"Россия остается крупнейшим торговым партнером.", "Грузы из России идут через пункты пропуска в {c}.", "Стороны обсудили железнодорожные перевозки."},
              new String[] {"Ресеймен тауар айналымы {n}%-ға өсті", "Қазақстан мен Ресей астық транзитін талқылады"},
              new String[] {"Ресей ең ірі сауда серіктесі болып қала береді.", "Ресейден жүктер {c} өткізу пункттері арқылы келеді.", "Тараптар теміржол тасымалын талқылады."},
              new String[] {"Trade with Russia grows by {n}%", "Kazakhstan and Russia discuss grain transit"},
              new String[] {"Russia remains the largest trading partner.", "Cargo from Russia passes checkpoints near {c}.", "The sides discussed rail freight."}),
        theme(new String[] {"Экспорт в Китай вырос на {n}%", "Через Хоргос прошло {n} тысяч контейнеров"},
              new String[] {"Основу экспорта в Китай составляют металлы и зерно.", "Китай остается вторым торговым партнером.", "Рост перевозок связан с коридором Китай — Европа."},
              new String[] {"Қытайға экспорт {n}%-ға өсті", "Қорғас арқылы {n} мың контейнер өтті"},
              new String[] {"Қытайға экспорттың негізі металл мен астық.", "Қытай екінші сауда серіктесі болып қала береді.", "Тасымалдың өсуі Қытай — Еуропа дәлізімен байланысты."},
              new String[] {"Exports to China grow by {n}%", "Khorgos handles {n} thousand containers"},
              new String[] {"Metals and grain make up most exports to China.", "China remains the second trading partner.", "The growth follows the China-Europe corridor."}),
        theme(new String[] {"Украинские компании представили продукцию в {c}", "Рейсы в Украину возобновят летом"},
              new String[] {"Товарооборот с Украиной составляет {n} млн долларов.", "Украина интересуется казахстанским зерном."},
              new String[] {"Украиналық компаниялар {c} өнімдерін таныстырды", "Украинаға рейстер жазда қайта басталады"},
              new String[] {"Украинамен тауар айналымы {n} млн долларды құрайды.", "Украина қазақстандық астыққа қызығушылық танытуда."},
              new String[] {"Ukrainian companies show products in {c}", "Flights to Ukraine to resume in summer"},
              new String[] {"Trade with Ukraine stands at {n} million dollars.", "Ukraine is interested in Kazakh grain."}),
        theme(new String[] {"Турецкие туроператоры снизили цены", "Казахстанские студенты едут учиться в Турцию"},
              new String[] {"Турция остается самым популярным направлением у туристов.", "Число рейсов в Турцию выросло до {n} в неделю."},
              new String[] {"Түркия туроператорлары бағаны төмендетті", "Қазақстандық студенттер Түркияға оқуға барады"},
              new String[] {"Түркия туристер арасында ең танымал бағыт болып қала береді.", "Түркияға рейстер саны аптасына {n}-ге жетті."},
              new String[] {"Turkish tour operators cut prices", "Kazakh students head to Turkey"},
              new String[] {"Turkey remains the most popular destination for tourists.", "Flights to Turkey reach {n} a week."}),
    };

    /** Routine government mentions of Russia and China (never mobilisation, visas or Xinjiang). */
    static final Theme[] GOV_COUNTRY = {
        theme(new String[] {"Состоялся телефонный разговор с Президентом России", "Заседание межправкомиссии Казахстан — Россия"},
              new String[] {"Обсуждены вопросы торгово-экономического сотрудничества.", "Стороны отметили рост товарооборота на {n}%."},
              new String[] {"Ресей Президентімен телефон арқылы сөйлесу өтті", "Қазақстан — Ресей үкіметаралық комиссиясының отырысы"},
              new String[] {"Сауда-экономикалық ынтымақтастық мәселелері талқыланды.", "Тараптар тауар айналымының {n}%-ға өскенін атап өтті."},
              new String[] {"Telephone conversation with the President of Russia", "Kazakhstan-Russia intergovernmental commission meets"},
              new String[] {"Trade and economic cooperation was discussed.", "The sides noted trade growth of {n}%."}),
        theme(new String[] {"Министр иностранных дел встретился с послом Китая", "Казахстан и Китай обсудили инвестиционные проекты"},
              new String[] {"Стороны обсудили реализацию {n} совместных проектов.", "Отмечен высокий уровень торгово-экономических связей."},
              new String[] {"Сыртқы істер министрі Қытай елшісімен кездесті", "Қазақстан мен Қытай инвестициялық жобаларды талқылады"},
              new String[] {"Тараптар {n} бірлескен жобаның іске асырылуын талқылады.", "Сауда-экономикалық байланыстардың жоғары деңгейі атап өтілді."},
              new String[] {"Foreign Minister meets the Ambassador of China", "Kazakhstan and China discuss investment projects"},
              new String[] {"The sides discussed {n} joint projects.", "The high level of trade links was noted."}),
    };

    // ---- the scripted cases -------------------------------------------------------------------
    static final Theme UKRAINE_PUBLIC = theme(
            new String[] {"Россия начала военное вторжение в Украину", "Война в Украине: казахстанцы выходят с цветами к посольству", "Беженцы из Украины: как помочь", "Санкции против России ударят по тенге", "Обстрелы украинских городов продолжаются"},
            new String[] {"Российские войска атаковали города Украины.", "Казахстанцы собирают гуманитарную помощь для жителей Украины.", "Эксперты опасаются последствий санкций для экономики Казахстана.", "Жители {c} обсуждают войну и ее последствия.", "Мирные жители Украины гибнут под обстрелами.", "Активисты требуют от властей четкой позиции по войне."},
            new String[] {"Ресей Украинаға әскери басып кірді", "Украинадағы соғыс: қазақстандықтар елшілікке гүл қойды", "Украинадан келген босқындарға қалай көмектесуге болады", "Ресейге қарсы санкциялар теңгеге соққы береді"},
            new String[] {"Ресей әскерлері Украина қалаларына шабуыл жасады.", "Қазақстандықтар Украина тұрғындарына гуманитарлық көмек жинауда.", "Сарапшылар санкциялардың Қазақстан экономикасына салдарынан қорқады.", "{c} тұрғындары соғыс пен оның салдарын талқылауда.", "Белсенділер биліктен соғысқа қатысты нақты ұстаным талап етеді."},
            new String[] {"Russia launches invasion of Ukraine", "War in Ukraine: Kazakhs bring flowers to the embassy", "Sanctions on Russia hit the tenge", "Shelling of Ukrainian cities continues"},
            new String[] {"Russian troops attacked cities across Ukraine.", "Kazakhs are collecting humanitarian aid for Ukraine.", "Economists fear the impact of sanctions on Kazakhstan.", "Residents of {c} are debating the war and its consequences.", "Civilians in Ukraine are dying under shelling.", "Activists demand a clear position on the war from the authorities."});

    static final Theme MOBILISATION_PUBLIC = theme(
            new String[] {"Очереди на границе: россияне бегут от мобилизации", "Релоканты из России: где жить в {c}", "Тысячи россиян пересекли границу у Жана Жола", "Мобилизация в России: поток приезжих в Казахстан растет", "Казахстанцы помогают россиянам, бежавшим от мобилизации"},
            new String[] {"После объявления мобилизации в России на пунктах пропуска выстроились очереди.", "Цены на аренду жилья в {c} выросли вдвое из-за потока релокантов.", "Волонтеры раздают воду и еду людям на границе.", "Многие прибывающие из России опасаются призыва.", "Жители спорят, как относиться к приезжим из России.", "На пункте пропуска Карауылкельды ожидают более {n} машин."},
            new String[] {"Шекарадағы кезек: ресейліктер жұмылдырудан қашуда", "Ресейден келген релоканттар {c} қайда тұрады", "Мыңдаған ресейлік Жаңа Жол бекетінде шекарадан өтті", "Ресейдегі жұмылдыру: Қазақстанға келушілер саны артып келеді"},
            new String[] {"Ресейде жұмылдыру жарияланғаннан кейін өткізу пункттерінде кезек түзілді.", "Релоканттар ағыны салдарынан {c} пәтер жалдау бағасы екі есе өсті.", "Еріктілер шекарадағы адамдарға су мен тамақ таратуда.", "Ресейден келгендердің көбі әскерге шақырылудан қорқады.", "Қарауылкелді бекетінде {n}-ден астам көлік күтіп тұр."},
            new String[] {"Queues at the border as Russians flee mobilisation", "Russian relocants search for housing in {c}", "Thousands of Russians cross into Kazakhstan", "Mobilisation in Russia drives an exodus to Kazakhstan"},
            new String[] {"After Russia announced mobilisation, queues formed at border crossings.", "Rents in {c} doubled as relocants arrived.", "Volunteers hand out water and food at the border.", "Many of those arriving from Russia fear the draft.", "More than {n} cars are waiting at the crossing."});

    static final Theme TURKEY_PUBLIC = theme(
            new String[] {"Землетрясение в Турции: казахстанцы собирают помощь", "Пункты сбора гуманитарной помощи для Турции открылись в {c}", "Соболезнования Турции: жители несут цветы к посольству", "Казахстанский бизнес отправит помощь пострадавшим в Турции", "Волонтеры из {c} едут в Турцию"},
            new String[] {"Мощное землетрясение разрушило города на юге Турции.", "Жители {c} несут теплые вещи, лекарства и продукты.", "Число погибших в Турции превысило {n} тысяч.", "Люди выражают солидарность с народом Турции.", "Компании обещают перечислить средства пострадавшим.", "Казахстанцы призывают власти срочно отправить спасателей."},
            new String[] {"Түркиядағы жер сілкінісі: қазақстандықтар көмек жинауда", "{c} Түркияға гуманитарлық көмек жинау пункттері ашылды", "Түркияға көңіл айту: тұрғындар елшілікке гүл қоюда", "Қазақстандық бизнес Түркиядағы зардап шеккендерге көмек жібереді"},
            new String[] {"Күшті жер сілкінісі Түркияның оңтүстігіндегі қалаларды қиратты.", "{c} тұрғындары жылы киім, дәрі-дәрмек және азық-түлік әкелуде.", "Түркиядағы қаза тапқандар саны {n} мыңнан асты.", "Адамдар Түркия халқына ынтымақтастық білдіруде.", "Қазақстандықтар биліктен құтқарушыларды жедел жіберуді сұрайды."},
            new String[] {"Turkey earthquake: Kazakhs collect aid", "Aid collection points for Turkey open in {c}", "Condolences to Turkey: flowers at the embassy", "Kazakh businesses pledge help for Turkey quake victims"},
            new String[] {"A powerful earthquake destroyed cities in southern Turkey.", "Residents of {c} are bringing warm clothes, medicine and food.", "The death toll in Turkey has passed {n} thousand.", "People express solidarity with the people of Turkey.", "Kazakhs urge the government to send rescuers at once."});

    static final Theme VISA_PUBLIC = theme(
            new String[] {"Безвизовый режим с Китаем: чего опасаются казахстанцы", "Безвиз с Китаем вызвал споры в соцсетях", "Эксперты: безвизовый режим с Китаем несет риски", "Жители {c} против безвиза с Китаем"},
            new String[] {"Пользователи соцсетей выражают тревогу из-за безвизового режима с Китаем.", "Многие опасаются неконтролируемой миграции из Китая.", "Активисты напоминают о судьбе этнических казахов в Синьцзяне.", "Эксперты призывают правительство объяснить условия соглашения.", "Часть бизнеса, напротив, приветствует упрощение поездок."},
            new String[] {"Қытаймен визасыз режим: қазақстандықтар неден қорқады", "Қытаймен визасыз режим әлеуметтік желіде дау туғызды", "Сарапшылар: Қытаймен визасыз режимнің қаупі бар"},
            new String[] {"Әлеуметтік желі қолданушылары Қытаймен визасыз режимге алаңдаушылық білдіруде.", "Көпшілік Қытайдан бақылаусыз көші-қоннан қорқады.", "Белсенділер Шыңжаңдағы этникалық қазақтардың тағдырын еске салады.", "Сарапшылар үкіметтен келісімнің шарттарын түсіндіруді сұрайды."},
            new String[] {"Visa-free travel with China worries Kazakhs", "China visa-free plan sparks debate online", "Experts see risks in visa-free regime with China"},
            new String[] {"Social media users voice alarm about visa-free travel with China.", "Many fear uncontrolled migration from China.", "Activists recall the fate of ethnic Kazakhs in Xinjiang.", "Experts urge the government to explain the terms of the deal."});

    static final Theme XINJIANG_PUBLIC = theme(
            new String[] {"Родственники узников Синьцзяна вышли к консульству Китая", "Синьцзян: казахи в лагерях, родные требуют ответа", "Пикет у консульства КНР в Алматы", "Голодовка родственников задержанных в Синьцзяне"},
            new String[] {"Родственники этнических казахов, удерживаемых в лагерях Синьцзяна, провели пикет.", "Участники акции требуют от МИД вмешаться.", "По словам активистов, в лагерях остаются тысячи казахов.", "Полиция задержала {n} участников пикета.", "Правозащитники призывают власти Казахстана не молчать."},
            new String[] {"Шыңжаңдағы тұтқындардың туыстары Қытай консулдығына барды", "Шыңжаң: лагерьдегі қазақтардың туыстары жауап талап етеді", "Алматыдағы ҚХР консулдығы алдында пикет", "Шыңжаңда ұсталғандардың туыстары аштық жариялады"},
            new String[] {"Шыңжаңдағы лагерьлерде ұсталған этникалық қазақтардың туыстары пикет өткізді.", "Акция қатысушылары СІМ-нен араласуды талап етеді.", "Белсенділердің айтуынша, лагерьлерде мыңдаған қазақ қалып отыр.", "Атажұрт еріктілері туыстарының тағдырын білгісі келеді.", "Құқық қорғаушылар Қазақстан билігін үнсіз қалмауға шақырады."},
            new String[] {"Relatives of Xinjiang detainees protest at China's consulate", "Xinjiang camps: families of detained Kazakhs demand answers", "Hunger strike by relatives of Xinjiang detainees"},
            new String[] {"Relatives of ethnic Kazakhs held in Xinjiang camps staged a picket.", "Protesters demand that the Foreign Ministry intervene.", "Activists say thousands of Kazakhs remain in the camps.", "Police detained {n} protesters.", "Rights defenders urge Kazakhstan's authorities not to stay silent."});

    /** A government document fixed in time, in each of its languages. */
    record Statement(Source source, OffsetDateTime at, Map<String, String[]> text) { }

    static Map<String, String[]> t(String ruTitle, String ruBody, String kkTitle, String kkBody, String enTitle, String enBody) {
        Map<String, String[]> m = new TreeMap<>();
        if (ruTitle != null) m.put("ru", new String[] {ruTitle, ruBody});
        if (kkTitle != null) m.put("kk", new String[] {kkTitle, kkBody});
        if (enTitle != null) m.put("en", new String[] {enTitle, enBody});
        return m;
    }

    static OffsetDateTime at(String local) {
        return OffsetDateTime.of(java.time.LocalDateTime.parse(local), ALMATY);
    }

    static final List<Statement> STATEMENTS = List.of(
        new Statement(MFA, at("2022-02-24T20:00"), t(
            "Заявление МИД Казахстана в связи с ситуацией в Украине", "Казахстан призывает стороны к прекращению огня и мирному урегулированию конфликта в Украине путем переговоров.",
            "Қазақстан СІМ-нің Украинадағы жағдайға байланысты мәлімдемесі", "Қазақстан тараптарды Украинадағы қақтығысты келіссөздер арқылы бейбіт жолмен шешуге шақырады.",
            "Statement of the MFA of Kazakhstan on the situation in Ukraine", "Kazakhstan calls on the parties to cease fire and settle the conflict in Ukraine peacefully through negotiations.")),
        new Statement(AKORDA, at("2022-02-25T11:00"), t(
            "Глава государства провел заседание Совета безопасности", "Обсуждена ситуация вокруг Украины и ее влияние на экономику Казахстана.",
            "Мемлекет басшысы Қауіпсіздік кеңесінің отырысын өткізді", "Украина төңірегіндегі жағдай және оның Қазақстан экономикасына әсері талқыланды.",
            "Head of State chairs the Security Council", "The situation around Ukraine and its effect on Kazakhstan's economy was discussed.")),
        new Statement(MFA, at("2022-03-01T16:00"), t(
            "Казахстан направит гуманитарную помощь Украине", "По поручению Президента Украине будет направлена гуманитарная помощь: медикаменты и продукты.",
            "Қазақстан Украинаға гуманитарлық көмек жібереді", "Президенттің тапсырмасымен Украинаға дәрі-дәрмек пен азық-түлік түріндегі гуманитарлық көмек жіберіледі.",
            "Kazakhstan to send humanitarian aid to Ukraine", "On the President's instruction, medicine and food will be sent to Ukraine as humanitarian aid.")),
        new Statement(MFA, at("2022-03-15T15:00"), t(
            "Брифинг МИД: позиция Казахстана по Украине неизменна", "Казахстан выступает за скорейшее прекращение войны в Украине и соблюдение Устава ООН.",
            null, null, "MFA briefing: Kazakhstan's position on Ukraine unchanged", "Kazakhstan stands for an early end to the war in Ukraine and respect for the UN Charter.")),
        new Statement(AKORDA, at("2022-09-27T12:00"), t(
            "Глава государства: большинство прибывающих из России вынуждены уехать из-за безвыходной ситуации",
            "Президент заявил, что в последние дни в Казахстан приезжает много людей из России в связи с мобилизацией. Большинство из них вынуждены уехать из-за безвыходной ситуации. Мы должны о них позаботиться и обеспечить их безопасность.",
            "Мемлекет басшысы: Ресейден келушілердің көбі амалсыз жағдайға байланысты кетуге мәжбүр",
            "Президент соңғы күндері жұмылдыруға байланысты Ресейден көп адам келіп жатқанын айтты. Олардың көбі амалсыз жағдайға байланысты кетуге мәжбүр. Біз оларға қамқорлық жасап, қауіпсіздігін қамтамасыз етуіміз керек.",
            "Head of State: most of those arriving from Russia are forced to leave by a hopeless situation",
            "The President said many people have come to Kazakhstan from Russia in recent days because of the mobilisation. Most of them are forced to leave by a hopeless situation. We must take care of them and ensure their safety.")),
        new Statement(PM, at("2022-09-28T15:00"), t(
            "Правительство упростит регистрацию прибывающих из России", "В ЦОНах организована ускоренная выдача ИИН гражданам России, прибывшим после объявления мобилизации.",
            "Үкімет Ресейден келушілерді тіркеуді жеңілдетеді", "ХҚКО-да жұмылдыру жарияланғаннан кейін келген Ресей азаматтарына ЖСН беру жеделдетілді.", null, null)),
        new Statement(MFA, at("2022-09-30T11:00"), t(
            "МИД: граждане России находятся в Казахстане на законных основаниях", "Граждане России, прибывшие после объявления мобилизации, могут находиться в Казахстане до 90 дней.",
            null, null, "MFA: Russian citizens stay in Kazakhstan lawfully", "Russian citizens who arrived after the mobilisation was announced may stay in Kazakhstan for up to 90 days.")),
        new Statement(AKORDA, at("2023-02-06T20:00"), t(
            "Глава государства выразил соболезнования Президенту Турции в связи с землетрясением", "Касым-Жомарт Токаев выразил глубокие соболезнования Реджепу Тайипу Эрдогану и народу Турции в связи с разрушительным землетрясением и заявил о готовности оказать помощь.",
            "Мемлекет басшысы жер сілкінісіне байланысты Түркия Президентіне көңіл айтты", "Қасым-Жомарт Тоқаев Режеп Тайып Ердоғанға және Түркия халқына қиратқыш жер сілкінісіне байланысты көңіл айтып, көмек көрсетуге дайын екенін мәлімдеді.",
            "Head of State offers condolences to the President of Turkey over the earthquake", "Kassym-Jomart Tokayev offered deep condolences to Recep Tayyip Erdogan and the people of Turkey over the devastating earthquake and said Kazakhstan is ready to help.")),
        new Statement(MFA, at("2023-02-07T10:00"), t(
            "Казахстанские спасатели вылетели в Турцию", "По поручению Главы государства в Турцию направлены спасатели МЧС и гуманитарная помощь пострадавшим от землетрясения.",
            "Қазақстандық құтқарушылар Түркияға ұшты", "Мемлекет басшысының тапсырмасымен Түркияға ТЖМ құтқарушылары мен жер сілкінісінен зардап шеккендерге гуманитарлық көмек жіберілді.",
            "Kazakh rescuers fly to Turkey", "On the Head of State's instruction, emergency rescuers and humanitarian aid for earthquake victims were sent to Turkey.")),
        new Statement(PM, at("2023-02-08T14:00"), t(
            "Правительство направит в Турцию второй борт с гуманитарной помощью", "В Турцию будут доставлены палатки, одеяла и медикаменты для пострадавших от землетрясения.",
            "Үкімет Түркияға гуманитарлық көмегі бар екінші ұшақ жібереді", "Түркияға жер сілкінісінен зардап шеккендерге арналған шатырлар, көрпелер мен дәрі-дәрмек жеткізіледі.", null, null)),
        new Statement(MFA, at("2023-04-03T15:00"), t(
            "Казахстан и Китай намерены подписать соглашение о взаимном освобождении от визовых требований",
            "МИД сообщает, что в мае 2023 года Казахстан и Китай намерены подписать соглашение о безвизовом режиме для краткосрочных поездок граждан.",
            "Қазақстан мен Қытай визалық талаптардан өзара босату туралы келісімге қол қоюды көздейді",
            "СІМ 2023 жылғы мамырда Қазақстан мен Қытай азаматтардың қысқа мерзімді сапарлары үшін визасыз режим туралы келісімге қол қоюды көздейтінін хабарлайды.",
            "Kazakhstan and China intend to sign an agreement on mutual visa exemption",
            "The Foreign Ministry reports that in May 2023 Kazakhstan and China intend to sign an agreement on visa-free travel for short trips.")),
        new Statement(MFA, at("2023-04-06T12:00"), t(
            "МИД разъяснил условия безвизового режима с Китаем", "Безвизовый режим с Китаем будет распространяться только на поездки до 30 дней и не дает права на работу.",
            "СІМ Қытаймен визасыз режимнің шарттарын түсіндірді", "Қытаймен визасыз режим тек 30 күнге дейінгі сапарларға қатысты және жұмыс істеуге құқық бермейді.",
            "MFA explains the terms of visa-free travel with China", "Visa-free travel with China will cover trips of up to 30 days and gives no right to work."))
    );

    /** Public surges: date to number of public documents that day, per case theme. */
    static final List<Object[]> SURGES = List.of(
        surge(UKRAINE_PUBLIC, "2022-02-24", 9, 30, 35, 28, 22, 18, 15, 12, 10, 8, 7, 6, 5, 4, 3),
        surge(MOBILISATION_PUBLIC, "2022-09-21", 20, 2),
        surge(MOBILISATION_PUBLIC, "2022-09-22", 8, 18, 25, 28, 24, 22, 20, 18, 15, 10, 6, 4, 3),
        surge(TURKEY_PUBLIC, "2023-02-06", 9, 20, 30, 28, 22, 15, 8, 5, 3),
        surge(VISA_PUBLIC, "2023-04-04", 8, 12, 18, 15, 10, 6, 4, 2),
        surge(XINJIANG_PUBLIC, "2022-05-24", 9, 10, 14, 12, 8),
        surge(XINJIANG_PUBLIC, "2022-11-28", 9, 9, 12, 10, 7),
        surge(XINJIANG_PUBLIC, "2023-02-20", 9, 8, 12, 10, 6));

    static Object[] surge(Theme theme, String first, int firstHour, int... perDay) {
        return new Object[] {theme, LocalDate.parse(first), firstHour, perDay};
    }

    // ---- writing --------------------------------------------------------------------------------
    final Random rnd = new Random(20230206L);
    final Map<LocalDate, List<String>> byDay = new TreeMap<>();
    /** Days on which each source used each title: a source repeating a headline within a week dates it, as real outlets do for routine items. */
    final Map<String, List<LocalDate>> titleDays = new java.util.HashMap<>();
    int counter;

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "feeds/archive");
        new GenerateArchive().run(out);
    }

    void run(Path out) throws IOException {
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            ordinaryDay(d);
        }
        for (Object[] s : SURGES) {
            Theme theme = (Theme) s[0];
            LocalDate first = (LocalDate) s[1];
            int firstHour = (Integer) s[2];
            int[] perDay = (int[]) s[3];
            for (int i = 0; i < perDay.length; i++) {
                for (int k = 0; k < perDay[i]; k++) {
                    Source src = pick(caseSources(theme));
                    int hour = i == 0 ? firstHour + rnd.nextInt(23 - firstHour) : 7 + rnd.nextInt(16);
                    emit(src, first.plusDays(i), LocalTime.of(hour, rnd.nextInt(60)), theme);
                }
            }
        }
        for (Statement st : STATEMENTS) {
            for (Map.Entry<String, String[]> e : st.text().entrySet()) {
                String[] tb = e.getValue();
                add(st.source(), st.at().plusMinutes(rnd.nextInt(20)), e.getKey(), tb[0], "<p>" + tb[1] + "</p>");
            }
        }
        Files.createDirectories(out);
        try (var old = Files.list(out)) {
            for (Path p : old.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                Files.delete(p);
            }
        }
        Map<String, List<String>> byMonth = new TreeMap<>();
        byDay.forEach((day, lines) -> byMonth.computeIfAbsent(day.toString().substring(0, 7), k -> new ArrayList<>()).addAll(lines));
        int total = 0;
        for (Map.Entry<String, List<String>> e : byMonth.entrySet()) {
            try (Writer w = Files.newBufferedWriter(out.resolve(e.getKey() + ".jsonl"), StandardCharsets.UTF_8)) {
                for (String line : e.getValue()) {
                    w.write(line);
                    w.write('\n');
                }
            }
            total += e.getValue().size();
            System.out.printf("%s.jsonl %d%n", e.getKey(), e.getValue().size());
        }
        System.out.printf("total %d%n", total);
    }

    Source[] caseSources(Theme theme) {
        if (theme == XINJIANG_PUBLIC) {
            return new Source[] {PUBLIC[9], PUBLIC[9], PUBLIC[4], PUBLIC[5], PUBLIC[6], PUBLIC[10], PUBLIC[2], PUBLIC[3]};
        }
        return PUBLIC;
    }

    void ordinaryDay(LocalDate d) {
        int publicCount = 8 + rnd.nextInt(7);
        for (int i = 0; i < publicCount; i++) {
            emit(pick(PUBLIC), d, randomTime(), pick(ORDINARY));
        }
        for (int c = 0; c < COUNTRY_ROUTINE.length; c++) {
            if (rnd.nextDouble() < new double[] {0.6, 0.6, 0.3, 0.3}[c]) {
                emit(pick(PUBLIC), d, randomTime(), COUNTRY_ROUTINE[c]);
            }
        }
        if (rnd.nextDouble() < 0.04) {
            emit(pick(caseSources(XINJIANG_PUBLIC)), d, randomTime(), XINJIANG_PUBLIC);
        }
        int gov = 1 + rnd.nextInt(3);
        for (int i = 0; i < gov; i++) {
            emit(pick(GOVERNMENT), d, randomTime(), GOV_ROUTINE);
        }
        if (rnd.nextDouble() < 0.08) {
            emit(pick(GOVERNMENT), d, randomTime(), GOV_COUNTRY[rnd.nextInt(GOV_COUNTRY.length)]);
        }
        int state = 2 + rnd.nextInt(3);
        for (int i = 0; i < state; i++) {
            emit(pick(STATE), d, randomTime(), rnd.nextBoolean() ? GOV_ROUTINE : pick(ORDINARY));
        }
    }

    LocalTime randomTime() {
        return LocalTime.of(7 + rnd.nextInt(16), rnd.nextInt(60));
    }

    void emit(Source src, LocalDate day, LocalTime time, Theme theme) {
        String lang = src.langs()[rnd.nextInt(src.langs().length)];
        String title = fill(pick(theme.titles().get(lang)), lang);
        String[] sentences = theme.sentences().get(lang);
        int n = 2 + rnd.nextInt(Math.min(4, sentences.length - 1));
        List<String> chosen = new ArrayList<>();
        while (chosen.size() < n) {
            String s = fill(pick(sentences), lang);
            if (!chosen.contains(s)) {
                chosen.add(s);
            }
        }
        boolean html = rnd.nextInt(10) < 3;
        String body = html ? "<p>" + String.join("</p><p>", chosen) + "</p>" : String.join(" ", chosen);
        add(src, OffsetDateTime.of(day, time, ALMATY), lang, title, body);
    }

    /**
     * The title, dated "(dd.MM.yyyy)" (and timed when that is not enough) when the same source already
     * used it within seven days: the service treats a repeated title from one source within a week
     * as a re-post. Uses no random numbers, so the rest of the archive is unchanged.
     */
    String distinctTitle(Source src, OffsetDateTime at, String title) {
        String dated = title + " (" + at.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")) + ")";
        String timed = title + " (" + at.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm")) + ")";
        for (String candidate : List.of(title, dated, timed)) {
            List<LocalDate> days = titleDays.computeIfAbsent(src.id() + "\n" + candidate.toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>());
            if (days.stream().noneMatch(d -> Math.abs(d.toEpochDay() - at.toLocalDate().toEpochDay()) <= 7)) {
                days.add(at.toLocalDate());
                return candidate;
            }
        }
        return timed;
    }

    String fill(String template, String lang) {
        return template.replace("{c}", pick(CITY.get(lang))).replace("{n}", Integer.toString(2 + rnd.nextInt(60)));
    }

    void add(Source src, OffsetDateTime at, String lang, String template, String body) {
        counter++;
        String title = distinctTitle(src, at, template);
        String url = String.format("https://example.org/%s/%s/%s/%05d", src.id(), lang, at.toLocalDate().toString().replace('-', '/'), counter);
        OffsetDateTime published = src.role().equals("international_media") ? at.withOffsetSameInstant(ZoneOffset.UTC) : at;
        StringBuilder j = new StringBuilder(256);
        j.append("{\"source\": ").append(q(src.id()))
                .append(", \"role\": ").append(q(src.role()))
                .append(", \"url\": ").append(q(url))
                .append(", \"title\": ").append(q(title))
                .append(", \"body\": ").append(q(body))
                .append(", \"published\": ").append(q(published.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        if (rnd.nextInt(20) != 0) {
            j.append(", \"lang\": ").append(q(lang));
        }
        j.append('}');
        byDay.computeIfAbsent(at.toLocalDate(), k -> new ArrayList<>()).add(j.toString());
    }

    <T> T pick(T[] options) {
        return options[rnd.nextInt(options.length)];
    }

    static String q(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
