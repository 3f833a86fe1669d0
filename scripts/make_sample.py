#!/usr/bin/env python3
"""Writes Kadry's sample municipality (Leninsky district) and its history.

The main sample reproduces the staff paragraph of seed 001, section 1: 25
organizations, 365 pedagogical workers (256 in schools, 80 in kindergartens,
29 in additional education), 247 teachers, 156 of them with higher
education, 47 with the highest and 59 with the first category, 114 aged
35-59, 100 with 20+ years of experience, and a need of 15 teachers.  Files
come in the shape schools send (Windows-1251, ';', Russian labels, CRLF, one
folder per school) with a few deliberate mistakes documented in the
sample's README.md.  Everything is deterministic (random.Random(seed),
stdlib only): the same arguments give byte-identical files.

    scripts/make_sample.py                      # samples/lenin, -utf8, history
    scripts/make_sample.py --shape utf8 -o DIR  # one shape to DIR
    scripts/make_sample.py --variant 1 -o DIR   # another municipality
"""
import argparse
import csv
import datetime as dt
import io
import os
import random
import shutil
import sys

D = dt.date
ASOF_YEAR = 2026
ASOF = D(2026, 12, 31)
DEFICIT_THRESHOLD = 60

# ---------------------------------------------------------------- columns
# (key, Russian label, required) in the order of the blank forms.
COLUMNS = {
    "organizations": [
        ("org_id", "Код ОО", 1), ("name", "Наименование", 1),
        ("type", "Тип", 1), ("municipality", "Муниципалитет", 1),
        ("low_results", "ШНОР", 0),
        ("mentoring_model", "Целевая модель наставничества", 0)],
    "staff": [
        ("person_id", "СНИЛС", 1), ("full_name", "ФИО", 0),
        ("birth_date", "Дата рождения", 1), ("gender", "Пол", 0),
        ("org_id", "Код ОО", 1), ("position", "Должность", 1),
        ("subjects", "Предметы", 0), ("employment", "Занятость", 0),
        ("education", "Образование", 0), ("category", "Категория", 0),
        ("ped_experience", "Педагогический стаж, лет", 1),
        ("hire_date", "Дата приема", 0),
        ("teaching_load", "Нагрузка, ч/нед", 0),
        ("is_mentor", "Наставник", 0),
        ("method_active", "Методический актив", 0),
        ("network_community", "Сетевое сообщество", 0),
        ("young_support", "Формы поддержки", 0), ("iom", "ИОМ", 0),
        ("target_contract", "Целевое обучение", 0),
        ("arrived", "Прибыл из другой территории", 0)],
    "diagnostics": [
        ("person_id", "СНИЛС", 1), ("date", "Дата", 1),
        ("kind", "Вид диагностики", 0), ("subject", "Предмет", 0),
        ("score", "Результат, %", 0), ("deficit", "Дефицит выявлен", 0),
        ("deficit_areas", "Дефицитные области", 0)],
    "courses": [
        ("person_id", "СНИЛС", 1), ("program", "Программа", 1),
        ("provider", "Организация", 0), ("kind", "Вид", 1),
        ("hours", "Часы", 0), ("start_date", "Начало", 0),
        ("end_date", "Окончание", 1), ("form", "Форма", 0),
        ("federal_registry", "Федеральный реестр ДПП", 0),
        ("addresses_deficit", "Адресная (по итогам диагностики)", 0),
        ("elearning", "Электронное обучение", 0),
        ("stress_module", "Модуль стрессоустойчивости", 0),
        ("expert_gia", "Подготовка экспертов ГИА", 0),
        ("expert_attestation", "Подготовка экспертов аттестации", 0),
        ("pedagogical", "Педагогическая направленность", 0)],
    "mentoring": [
        ("org_id", "Код ОО", 1), ("mentor_id", "СНИЛС наставника", 1),
        ("mentee_id", "СНИЛС наставляемого", 1), ("form", "Форма", 0),
        ("start_date", "Начало", 1), ("end_date", "Окончание", 0),
        ("paid", "Доплата наставнику", 0)],
    "vacancies": [
        ("org_id", "Код ОО", 1), ("position", "Должность", 1),
        ("subject", "Предмет", 0), ("count", "Количество", 1),
        ("horizon", "Горизонт", 0), ("hours", "Нагрузка, ч/нед", 0)],
}
FILE_RU = {"organizations": "организации", "staff": "кадры",
           "diagnostics": "диагностика", "courses": "курсы",
           "mentoring": "наставничество", "vacancies": "вакансии"}
FLAGS = ["is_mentor", "method_active", "network_community", "young_support",
         "iom", "target_contract", "arrived"]

# ---------------------------------------------------------------- subjects
# canonical subject -> (share of teachers, spellings schools use)
SUBJECTS = {
    "начальные классы": (22, ["начальные классы"]),
    "русский язык и литература": (14, [
        "русский язык и литература", "русский язык, литература",
        "рус. яз., литература", "русский язык / литература"]),
    "математика": (12, ["математика", "алгебра, геометрия", "Математика"]),
    "иностранный язык": (9, ["английский язык", "немецкий язык",
                             "иностранный язык", "Английский язык"]),
    "история и обществознание": (7, ["история и обществознание"]),
    "физическая культура": (7, ["физическая культура"]),
    "физика": (4, ["физика"]),
    "информатика": (4, ["информатика"]),
    "биология": (4, ["биология"]),
    "география": (4, ["география"]),
    "химия": (3, ["химия"]),
    "технология": (4, ["технология"]),
    "музыка": (2, ["музыка"]),
    "ИЗО": (2, ["ИЗО"]),
    "ОБЖ": (2, ["ОБЖ"]),
}
SECOND_SUBJECT = {"физика": "информатика", "биология": "химия",
                  "география": "биология", "музыка": "ИЗО",
                  "история и обществознание": "ИЗО",
                  "физическая культура": "ОБЖ", "химия": "биология",
                  "математика": "информатика", "технология": "ИЗО"}

DEFICIT_AREAS = ["оценивание", "цифровые инструменты",
                 "работа с детьми с ОВЗ", "функциональная грамотность",
                 "предметное содержание", "воспитательная работа",
                 "обновленные ФГОС", "работа с одаренными детьми",
                 "проектная деятельность"]
DIAG_KINDS = ["предметная", "методическая", "предметно-методическая",
              "психолого-педагогическая", "цифровая"]

# ---------------------------------------------------------------- courses
VGAPO = 'ГАУ ДПО "ВГАПО"'
ACADEMY = 'ФГАОУ ДПО "Академия Минпросвещения России"'
INFOUROK = 'ООО "Инфоурок"'
CIOV = 'ООО "Центр инновационного образования и воспитания"'
VGSPU = 'ФГБОУ ВО "ВГСПУ"'
MAPK = 'АНО ДПО "Московская академия профессиональных компетенций"'
# (program, provider, kind, hours, flags); flags: f federal registry,
# a addressed (after diagnostics), e e-learning, s stress module,
# g GIA experts, t attestation experts, p pedagogical (ПП)
PROGRAMS = [
    ("Реализация требований обновленных ФГОС НОО, ФГОС ООО в работе "
     "учителя", ACADEMY, "ПК", 36, "fe"),
    ("Школа современного учителя. Развитие читательской грамотности",
     ACADEMY, "ПК", 56, "fe"),
    ("Формирующее оценивание в практике учителя", VGAPO, "ПК", 36, "a"),
    ("Цифровые образовательные ресурсы на уроке: адресная программа",
     VGAPO, "ПК", 24, "ae"),
    ("Инклюзивное образование детей с ОВЗ в условиях ФГОС", VGAPO, "ПК",
     72, "af"),
    ("Функциональная грамотность: преодоление профессиональных "
     "дефицитов", VGAPO, "ПК", 36, "af"),
    ("Подготовка экспертов предметных комиссий ОГЭ по русскому языку",
     VGAPO, "ПК", 36, "g"),
    ("Подготовка экспертов предметных комиссий ЕГЭ по математике",
     VGAPO, "ПК", 36, "g"),
    ("Подготовка экспертов для проведения аттестации педагогических "
     "работников", VGAPO, "ПК", 24, "t"),
    ("Профилактика профессионального выгорания педагога", VGAPO, "ПК", 18,
     "se"),
    ("Стрессоустойчивость и саморегуляция в профессиональной деятельности "
     "учителя", CIOV, "ПК", 36, "se"),
    ("Методика преподавания английского языка в соответствии с ФГОС",
     INFOUROK, "ПК", 72, "e"),
    ("Обучение математике в условиях обновленного ФГОС", INFOUROK, "ПК",
     72, "e"),
    ("Воспитательная работа классного руководителя", CIOV, "ПК", 36, "e"),
    ("Разговоры о важном: система работы классного руководителя", ACADEMY,
     "ПК", 58, "fe"),
    ("Оказание первой помощи в образовательной организации", CIOV, "ПК",
     16, "e"),
    ("Современные подходы к дошкольному образованию в условиях ФОП ДО",
     VGAPO, "ПК", 72, "f"),
    ("Развитие речи дошкольников: методы и приемы", INFOUROK, "ПК", 36,
     "e"),
    ("Дополнительное образование детей: проектирование программ", VGAPO,
     "ПК", 36, ""),
    ("Наставничество в образовательной организации", ACADEMY, "ПК", 36,
     "f"),
    ("Точка роста: использование оборудования центров естественно-"
     "научной направленности", ACADEMY, "ПК", 36, "fe"),
    ("Работа учителя с одаренными детьми", VGSPU, "ПК", 72, ""),
    ("Оценивание образовательных результатов: адресная поддержка", VGAPO,
     "ПК", 18, "as"),
    ("Педагогика и методика начального образования", MAPK, "ПП", 300, "p"),
    ("Педагогическое образование: учитель математики и информатики",
     VGSPU, "ПП", 520, "pf"),
    ("Педагогика дополнительного образования детей и взрослых", INFOUROK,
     "ПП", 300, "pe"),
    ("Дошкольное образование", MAPK, "ПП", 260, "p"),
    ("Менеджмент в образовании", MAPK, "ПП", 520, ""),
]

# ---------------------------------------------------------------- names
SURNAMES = ["Иванов", "Петров", "Сидоров", "Кузнецов", "Смирнов", "Попов",
            "Васильев", "Соколов", "Михайлов", "Новиков", "Федоров",
            "Морозов", "Волков", "Алексеев", "Лебедев", "Семенов",
            "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов",
            "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев",
            "Соловьев", "Борисов", "Яковлев", "Григорьев", "Романов",
            "Воробьев", "Сергеев", "Фролов", "Александров", "Дмитриев",
            "Королев", "Гусев", "Киселев", "Ильин", "Максимов", "Поляков",
            "Сорокин", "Виноградов", "Ковалев", "Белов", "Медведев",
            "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов",
            "Комаров", "Давыдов", "Беляев", "Герасимов", "Богданов",
            "Осипов", "Сидорин", "Матвеев", "Титов", "Марков", "Миронов",
            "Крылов", "Куликов", "Карпов", "Власов", "Мельников", "Денисов",
            "Гаврилов", "Тихонов", "Казаков", "Афанасьев", "Данилов",
            "Савельев", "Тимофеев", "Фомин", "Чернов", "Абрамов",
            "Мартынов", "Ефимов", "Федотов", "Щербаков", "Назаров",
            "Калинин", "Исаев", "Чернышев", "Быков", "Маслов", "Родионов",
            "Коновалов", "Лазарев", "Воронин", "Климов", "Филатов",
            "Пономарев", "Голубев", "Кудрявцев", "Прохоров", "Наумов",
            "Потапов", "Журавлев", "Овчинников", "Трофимов", "Леонов",
            "Соболев", "Ермаков", "Колесников", "Гончаров", "Емельянов",
            "Никифоров", "Грачев", "Котов", "Гришин", "Ефремов", "Архипов",
            "Громов", "Кириллов", "Малышев", "Панов", "Моисеев", "Румянцев",
            "Акимов", "Кондратьев", "Бирюков", "Горбунов", "Анисимов",
            "Еремин", "Тихомиров", "Галкин", "Лукьянов", "Михеев",
            "Скворцов", "Юдин", "Белоусов", "Нестеров", "Симонов",
            "Прокофьев", "Харитонов", "Князев", "Цветков", "Левин",
            "Митрофанов", "Воронцов", "Аксенов", "Софронов", "Мальцев",
            "Логинов", "Горшков", "Савин", "Краснов", "Майоров",
            "Демидов", "Елисеев", "Рыбаков", "Сафонов", "Плотников",
            "Демин", "Хохлов", "Жданов", "Лавров", "Бондарев",
            "Шестаков", "Вишневский", "Черкасов", "Рогов", "Островский"]
MALE = [("Александр", "Александров"), ("Сергей", "Сергеев"),
        ("Андрей", "Андреев"), ("Алексей", "Алексеев"),
        ("Дмитрий", "Дмитриев"), ("Владимир", "Владимиров"),
        ("Николай", "Николаев"), ("Иван", "Иванов"),
        ("Михаил", "Михайлов"), ("Юрий", "Юрьев"), ("Виктор", "Викторов"),
        ("Павел", "Павлов"), ("Олег", "Олегов"), ("Евгений", "Евгеньев"),
        ("Геннадий", "Геннадьев"), ("Анатолий", "Анатольев"),
        ("Петр", "Петров"), ("Василий", "Васильев"), ("Игорь", "Игорев"),
        ("Константин", "Константинов"), ("Роман", "Романов"),
        ("Максим", "Максимов"), ("Артем", "Артемов")]
FEMALE = ["Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана",
          "Марина", "Анна", "Людмила", "Галина", "Надежда", "Юлия",
          "Екатерина", "Валентина", "Любовь", "Оксана", "Лариса", "Мария",
          "Нина", "Вера", "Анастасия", "Дарья", "Евгения", "Алена",
          "Кристина", "Виктория", "Ксения", "Полина", "Алина", "Тамара",
          "Зинаида", "Раиса"]


def fem_surname(s):
    if s.endswith("ский"):
        return s[:-2] + "ая"
    if s.endswith(("ов", "ев", "ин", "ёв")):
        return s + "а"
    return s


def patronymic(base, male):
    # Юрьев -> Юрьевич / Юрьевна; Николаев -> Николаевич / Николаевна
    return base + ("ич" if male else "на")


# ---------------------------------------------------------------- helpers
def snils_check(d9):
    s = sum(int(c) * (9 - i) for i, c in enumerate(d9))
    if s < 100:
        return s
    if s in (100, 101):
        return 0
    r = s % 101
    return 0 if r == 100 else r


def snils_fmt(d9, chk, style=0):
    if style == 1:
        return "%s%02d" % (d9, chk)
    return "%s-%s-%s %02d" % (d9[0:3], d9[3:6], d9[6:9], chk)


def age_on(birth, day):
    return day.year - birth.year - ((day.month, day.day) <
                                    (birth.month, birth.day))


def fmt_num(x, comma=True):
    if abs(x - round(x)) < 1e-9:
        return str(int(round(x)))
    s = ("%.1f" % x)
    return s.replace(".", ",") if comma else s


def pct_tenths(num, den):
    # 100*num/den in tenths of a percent, half away from zero, exactly
    return (2000 * num + den) // (2 * den)


def pct_str(num, den):
    t = pct_tenths(num, den)
    return "%d.%d" % (t // 10, t % 10)


def rand_date(rng, lo, hi):
    if hi < lo:
        hi = lo
    return lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))


def years_before(day, years):
    # day minus a (possibly fractional) number of years
    return day - dt.timedelta(days=int(round(years * 365.25)))


# ---------------------------------------------------------------- model
class Org:
    def __init__(self, num, folder, org_id, name, otype, weight):
        self.num, self.folder, self.id = num, folder, org_id
        self.name, self.type, self.weight = name, otype, weight
        self.low_results = False
        self.mm_year = None        # year the target mentoring model began
        self.style = 0


class Row:
    def __init__(self, org, position, subjects, employment, load, hire):
        self.org, self.position, self.subjects = org, position, subjects
        self.employment, self.load, self.hire = employment, load, hire
        self.subj_text = None      # spelling written to the file
        self.note = None           # deliberate mistake marker


class Person:
    def __init__(self):
        self.rows = []
        self.flags = {}            # flag -> year obtained
        self.leave_year = None     # last December present + 1
        self.extra = False         # deliberately rejected, never counted


class Sample:
    pass


def make_persons_names(rng, persons):
    used = set()
    for p in persons:
        while True:
            sur = rng.choice(SURNAMES)
            if p.gender == "м":
                first, pb = rng.choice(MALE)
                name = "%s %s %s" % (sur, first, patronymic(pb, True))
            else:
                first = rng.choice(FEMALE)
                pb = rng.choice(MALE)[1]
                name = "%s %s %s" % (fem_surname(sur), first,
                                     patronymic(pb, False))
            if name not in used:
                used.add(name)
                p.fio = name
                break


def new_snils(rng, used):
    while True:
        d9 = "%09d" % rng.randint(2_000_000, 999_999_999)
        if d9 not in used:
            used.add(d9)
            return d9, snils_check(d9)


# ---------------------------------------------------------------- params
LENIN = dict(
    name="Ленинский муниципальный район", seed=2026, folder="lenin",
    town="г. Ленинска",
    oo=[("01_zaplavinskaya", 'МКОУ "Заплавинская СШ"', 22),
        ("02_tsarevskaya", 'МКОУ "Царевская СШ"', 16),
        ("03_leninsk1", 'МКОУ "Ленинская СШ № 1"', 30),
        ("04_leninsk2", 'МКОУ "Ленинская СШ № 2"', 26),
        ("05_leninsk3", 'МКОУ "Ленинская СШ № 3"', 24),
        ("06_malyaevskaya", 'МКОУ "Маляевская СШ"', 11),
        ("07_kolombinskaya", 'МКОУ "Коломбинская СШ"', 12),
        ("08_pokrovskaya", 'МКОУ "Покровская СШ"', 15),
        ("09_stepnovskaya", 'МКОУ "Степновская СШ"', 11),
        ("10_bakhtiyarovskaya", 'МКОУ "Бахтияровская СШ"', 12),
        ("11_ilichevskaya", 'МКОУ "Ильичевская СШ"', 11),
        ("12_rassvetinskaya", 'МКОУ "Рассветинская СШ"', 12),
        ("13_kolobovskaya", 'МКОУ "Колобовская СШ"', 13),
        ("14_mayakoktyabrskaya", 'МКОУ "Маякоктябрьская СШ"', 11),
        ("15_tsaritsynskaya", 'МКОУ "Царицынская ОШ"', 10),
        ("16_karshevitskaya", 'МКОУ "Каршевитская ОШ"', 11)],
    doo=[("17_ds1_leninsk", 'МКДОУ "Детский сад № 1 г. Ленинска"', 18),
         ("18_ds2_leninsk", 'МКДОУ "Детский сад № 2 г. Ленинска"', 16),
         ("19_ds3_leninsk", 'МКДОУ "Детский сад № 3 г. Ленинска"', 14),
         ("20_ds4_leninsk", 'МКДОУ "Детский сад № 4 г. Ленинска"', 12),
         ("21_ds_zaplavnoe", 'МКДОУ "Заплавинский детский сад «Колосок»"',
          10),
         ("22_ds_tsarev", 'МКДОУ "Царевский детский сад «Солнышко»"', 10)],
    do=[("23_ddt", 'МКУ ДО "Ленинский ДДТ"', 14),
        ("24_dyussh", 'МКУ ДО "Ленинская ДЮСШ"', 9),
        ("25_dshi", 'МКУ ДО "Ленинская ДШИ"', 6)],
    teachers=247, higher=156, cat_high=47, cat_first=59, age3559=114,
    age60=41, exp20=100, beginners=13, nonteach_oo=9, parttimers=3,
    # (org number, subject, count, horizon) of teacher vacancies;
    # current + medium-term = 15 (seed 001, section 1)
    vacancies=[(3, "русский язык и литература", 2, "текущая"),
               (3, "английский язык", 1, "текущая"),
               (5, "русский язык", 1, "среднесрочная"),
               (2, "русский язык и литература", 1, ""),
               (2, "математика", 1, "текущая"),
               (8, "русский язык и литература", 2, "среднесрочная"),
               (8, "начальные классы", 1, "текущая"),
               (10, "английский язык", 1, "текущая"),
               (10, "английский язык", 1, "среднесрочная"),
               (12, "начальные классы", 2, "текущая"),
               (12, "математика", 1, "среднесрочная"),
               (14, "физика", 1, "текущая"),
               (4, "химия", 1, "долгосрочная"),
               (13, "информатика", 1, "долгосрочная")],
    other_vacancies=[(9, "педагог-психолог", 1, "долгосрочная")],
    # teachers at the end of 2024 and 2025 (a slow decline, seed 001)
    history_teachers={2024: 258, 2025: 253},
    history_vacancies={2024: 7, 2025: 9},
    mistakes=True,
)

VILLAGES = {
    1: ("Среднеахтубинский муниципальный район", "sredneakhtubinsky",
        "р.п. Средняя Ахтуба",
        ["Среднеахтубинская СШ № 1", "Среднеахтубинская СШ № 2",
         "Краснослободская СШ № 1", "Краснослободская СШ № 2",
         "Ахтубинская СШ", "Кировская СШ", "Клетская СШ",
         "Суходольская СШ", "Фрунзенская СШ", "Верхнепогроменская СШ",
         "Куйбышевская СШ", "Выдринская ОШ"]),
    2: ("Городищенский муниципальный район", "gorodishchensky",
        "р.п. Городище",
        ["Городищенская СШ № 1", "Городищенская СШ № 2",
         "Городищенская СШ № 3", "Новонадеждинская СШ", "Ерзовская СШ",
         "Кузьмичевская СШ", "Котлубанская СШ", "Россошенская СШ",
         "Грачевская СШ", "Новожизненская СШ", "Паньшинская СШ",
         "Орловская СШ", "Степнинская СШ", "Самофаловская СШ",
         "Карповская СШ", "Вертячинская ОШ", "Сады Придонья ОШ"]),
    3: ("Светлоярский муниципальный район", "svetloyarsky",
        "р.п. Светлый Яр",
        ["Светлоярская СШ № 1", "Светлоярская СШ № 2", "Райгородская СШ",
         "Цацинская СШ", "Червленовская СШ", "Чапурниковская СШ",
         "Кировская ОШ", "Наримановская СШ", "Дубовоовражная СШ"]),
}


def variant_params(n):
    rng = random.Random(1000 + n)
    name, folder, town, schools = VILLAGES[(n - 1) % len(VILLAGES) + 1]
    if n > len(VILLAGES):
        folder += "_%d" % n
    oo = []
    for i, s in enumerate(schools):
        big = "№" in s
        w = rng.randint(18, 26) if big else rng.randint(7, 13)
        oo.append(("%02d_school%02d" % (i + 1, i + 1), 'МКОУ "%s"' % s, w))
    k = len(oo)
    ndoo = rng.randint(3, 6)
    doo = [("%02d_ds%d" % (k + j + 1, j + 1),
            'МКДОУ "Детский сад № %d %s"' % (j + 1, town),
            rng.randint(8, 20)) for j in range(ndoo)]
    k += ndoo
    do = [("%02d_ddt" % (k + 1), 'МКУ ДО "Дом детского творчества %s"'
           % town, rng.randint(10, 18)),
          ("%02d_dyussh" % (k + 2), 'МКУ ДО "ДЮСШ %s"' % town,
           rng.randint(6, 12))]
    teachers = sum(w for _, _, w in oo)
    subj = ["русский язык и литература", "английский язык", "математика",
            "начальные классы", "физика", "химия", "информатика",
            "биология", "немецкий язык"]
    vac = []
    for _ in range(rng.randint(6, 12)):
        vac.append((rng.randint(1, len(oo)), rng.choice(subj),
                    rng.randint(1, 2),
                    rng.choice(["текущая", "текущая", "", "среднесрочная",
                                "долгосрочная"])))
    return dict(
        name=name, seed=1000 + n, folder=folder, town=town, oo=oo,
        doo=doo, do=do, teachers=teachers,
        higher=int(teachers * rng.uniform(0.58, 0.74)),
        cat_high=int(teachers * rng.uniform(0.15, 0.26)),
        cat_first=int(teachers * rng.uniform(0.2, 0.3)),
        age3559=int(teachers * rng.uniform(0.42, 0.55)),
        age60=int(teachers * rng.uniform(0.1, 0.2)),
        exp20=int(teachers * rng.uniform(0.35, 0.45)),
        beginners=int(teachers * rng.uniform(0.04, 0.08)),
        nonteach_oo=rng.randint(6, 14), parttimers=rng.randint(1, 3),
        vacancies=vac, other_vacancies=[],
        history_teachers={2024: teachers + rng.randint(4, 12),
                          2025: teachers + rng.randint(1, 4)},
        history_vacancies={2024: rng.randint(3, 10),
                           2025: rng.randint(3, 10)},
        mistakes=False)


# ---------------------------------------------------------------- build
def build(par):
    rng = random.Random(par["seed"])
    s = Sample()
    s.par = par
    s.name = par["name"]
    s.orgs = []
    num = 0
    prefix = "ЛЕН" if par["folder"] == "lenin" else "ОО"
    for lst, otype in ((par["oo"], "ОО"), (par["doo"], "ДОО"),
                       (par["do"], "ДО")):
        for folder, name, w in lst:
            num += 1
            s.orgs.append(Org(num, folder, "%s%02d" % (prefix, num), name,
                              otype, w))
    oo = [o for o in s.orgs if o.type == "ОО"]
    for i, o in enumerate(s.orgs):
        o.style = rng.randrange(6)
    # the target mentoring model: most schools, adopted over the years
    for o in oo:
        r = rng.random()
        o.mm_year = (None if r < 0.18 else 2023 if r < 0.5 else
                     2024 if r < 0.75 else 2025 if r < 0.9 else 2026)
    for o in rng.sample(oo, 2):
        o.low_results = True
    used = set()
    s.persons = []

    # --- teachers: exact attribute counts, then consistent details
    nt = par["teachers"]
    n60 = par["age60"]
    n3559 = par["age3559"]
    nu35 = nt - n60 - n3559
    ages = ([rng.randint(22, 34) for _ in range(nu35)] +
            [rng.randint(35, 59) for _ in range(n3559)] +
            [rng.randint(60, 64) if rng.random() < 0.8 else
             rng.randint(65, 71) for _ in range(n60)])
    teachers = []
    for a in ages:
        p = Person()
        p.age = a
        teachers.append(p)
    u35 = [p for p in teachers if p.age < 35]
    mid = [p for p in teachers if 35 <= p.age < 60]
    old = [p for p in teachers if p.age >= 60]
    # beginners: mostly young, a few career changers aged 35+
    nb = par["beginners"]
    nb_mid = min(3, nb // 4)
    u35.sort(key=lambda p: p.age + rng.random())
    beg = u35[:nb - nb_mid]
    for p in beg:
        p.age = min(p.age, 27)
    mid_sorted = sorted(mid, key=lambda p: p.age + rng.random() * 12)
    beg += [p for p in mid_sorted[:nb_mid]]
    begset = set(map(id, beg))
    # 20+ years: nearly all 60+, the rest from the oldest of 35-59
    n_old20 = min(len(old) - 2, par["exp20"]) if len(old) > 2 else len(old)
    old_sorted = sorted(old, key=lambda p: rng.random())
    exp20 = old_sorted[:n_old20]
    cand = [p for p in reversed(mid_sorted) if id(p) not in begset]
    exp20 += cand[:par["exp20"] - n_old20]
    set20 = set(map(id, exp20))
    for p in teachers:
        if id(p) in begset:
            p.exp = rng.choice([0, 0.5, 1, 1, 1.5, 2, 2, 2.5])
        elif id(p) in set20:
            hi = max(20, min(p.age - 21, 45))
            p.exp = rng.randint(20, hi)
            if rng.random() < 0.1 and p.exp < hi:
                p.exp += 0.5
        else:
            hi = min(19, p.age - 21)
            if p.age < 35:
                hi = min(hi, 13)
            lo = 3 if hi >= 3 else 0
            if p.age >= 60:
                lo = max(lo, min(hi, 8))
            p.exp = rng.randint(lo, max(lo, hi))
            if rng.random() < 0.15 and p.exp < 19:
                p.exp += 0.5
        assert p.exp <= p.age - 14
    # exact boundary cases on the as-of date (35 today, 60 today, leap day)
    bdays = {}
    b35 = [p for p in mid if p.age == 35]
    b60 = [p for p in old if p.age == 60]
    if b35:
        bdays[id(b35[0])] = D(ASOF_YEAR - 35, 12, 31)
    if b60:
        bdays[id(b60[0])] = D(ASOF_YEAR - 60, 12, 31)
    b34 = [p for p in u35 if p.age == 34 and id(p) not in begset]
    if b34:
        bdays[id(b34[0])] = D(ASOF_YEAR - 34, 2, 29) \
            if (ASOF_YEAR - 34) % 4 == 0 else D(ASOF_YEAR - 34, 1, 1)
    if len(b34) > 1:
        bdays[id(b34[1])] = D(ASOF_YEAR - 34, 1, 1)
    for p in teachers:
        y = ASOF_YEAR - p.age
        p.birth = bdays.get(id(p)) or rand_date(rng, D(y, 1, 1), D(y, 12, 31))
        assert age_on(p.birth, ASOF) == p.age
    # categories, weighted by experience; beginners have none
    pool = [p for p in teachers if id(p) not in begset and p.exp >= 5]
    pool.sort(key=lambda p: -(p.exp + rng.gauss(0, 7)))
    for p in teachers:
        p.cat = None
    for p in pool[:par["cat_high"]]:
        p.cat = "высшая"
    pool2 = [p for p in teachers if p.cat is None and id(p) not in begset
             and p.exp >= 3]
    pool2.sort(key=lambda p: -(p.exp + rng.gauss(0, 10)))
    for p in pool2[:par["cat_first"]]:
        p.cat = "первая"
    for p in teachers:
        if p.cat is None:
            if id(p) not in begset and p.exp >= 2 and rng.random() < 0.6:
                p.cat = "СЗД"
            else:
                p.cat = "без категории"
    # education
    order = sorted(teachers, key=lambda p: rng.random())
    for i, p in enumerate(order):
        if i < par["higher"]:
            p.edu = "высшее педагогическое" if rng.random() < 0.8 \
                else "высшее"
        else:
            r = rng.random()
            p.edu = ("СПО педагогическое" if r < 0.78 else "СПО"
                     if r < 0.95 else "")
    # schools and subjects; the largest school gets 4 beginners
    slots = []
    for o in oo:
        slots += [o] * o.weight
    assert len(slots) == nt, (len(slots), nt)
    big = max(oo, key=lambda o: o.weight)
    order = beg[:4] + [p for p in teachers if id(p) not in
                       set(map(id, beg[:4]))]
    rest = slots[:]
    for _ in range(4):
        rest.remove(big)
    rng.shuffle(rest)
    assign = [big] * 4 + rest
    subj_names = list(SUBJECTS)
    subj_w = [SUBJECTS[k][0] for k in subj_names]
    for p, o in zip(order, assign):
        p.main = o
        sub = rng.choices(subj_names, subj_w)[0]
        subs = [sub]
        if sub in SECOND_SUBJECT and rng.random() < 0.25:
            subs.append(SECOND_SUBJECT[sub])
        p.subjects = subs
    # persons' other fields
    for p in teachers:
        p.kind = "teacher"
        p.gender = "м" if rng.random() < (0.12 if p.subjects[0] not in (
            "физическая культура", "ОБЖ", "технология") else 0.55) else "ж"
        p.position = "учитель"
    s.persons += teachers

    # --- other pedagogical workers
    def other(org, position, age_lo=23, age_hi=62, beginner=False):
        p = Person()
        p.kind = "other"
        p.main = org
        p.position = position
        p.subjects = []
        p.age = rng.randint(22, 27) if beginner else \
            rng.randint(age_lo, age_hi)
        y = ASOF_YEAR - p.age
        p.birth = rand_date(rng, D(y, 1, 1), D(y, 12, 31))
        if beginner:
            p.exp = rng.choice([0, 0.5, 1, 1.5, 2])
        else:
            p.exp = rng.randint(3, max(3, min(40, p.age - 21)))
        p.gender = "м" if rng.random() < (0.3 if position in (
            "инструктор по физической культуре",
            "педагог дополнительного образования",
            "концертмейстер") else 0.05) else "ж"
        p.edu = rng.choice(["высшее педагогическое", "высшее педагогическое",
                            "высшее", "СПО педагогическое",
                            "СПО педагогическое", "СПО"])
        p.cat = "без категории" if beginner else rng.choice(
            ["высшая", "первая", "первая", "СЗД", "без категории"])
        s.persons.append(p)
        return p

    nto = par["nonteach_oo"]
    poses = (["педагог-психолог"] * 3 + ["социальный педагог"] * 2 +
             ["учитель-логопед"] * 2 + ["советник директора по воспитанию",
                                        "педагог-организатор"])
    while len(poses) < nto:
        poses.append(rng.choice(["педагог-психолог", "социальный педагог",
                                 "тьютор", "учитель-дефектолог"]))
    bigs = sorted(oo, key=lambda o: -o.weight)
    for i, pos in enumerate(poses[:nto]):
        other(bigs[i % len(bigs)], pos, beginner=(i == 0))
    for o in s.orgs:
        if o.type == "ДОО":
            n = o.weight
            plist = (["старший воспитатель", "музыкальный руководитель"] +
                     (["инструктор по физической культуре"] if n >= 12
                      else []) + (["учитель-логопед"] if n >= 14 else []))
            plist += ["воспитатель"] * (n - len(plist))
            for j, pos in enumerate(plist):
                other(o, pos, beginner=(pos == "воспитатель" and
                                        rng.random() < 0.08))
        elif o.type == "ДО":
            n = o.weight
            plist = ["методист"] + (["концертмейстер"] if "ДШИ" in o.name
                                    else []) + (["педагог-организатор"]
                                                if n > 10 else [])
            plist += ["педагог дополнительного образования"] * (
                n - len(plist))
            for pos in plist:
                other(o, pos, age_lo=22, age_hi=68,
                      beginner=(pos.startswith("педагог доп") and
                                rng.random() < 0.1))

    # --- rows, hire dates, loads, flags
    for p in s.persons:
        start_work = years_before(ASOF, p.exp)
        if p.exp < 3:
            hire = max(start_work, D(ASOF_YEAR - 3, 9, 1))
            hire = rand_date(rng, hire, min(ASOF, hire + dt.timedelta(60)))
        else:
            lo = max(start_work, D(1985, 8, 15))
            span = (ASOF - lo).days
            hire = lo + dt.timedelta(days=int(span * rng.random() ** 1.6))
            if rng.random() < 0.5:
                hire = D(hire.year, 9, 1) if D(hire.year, 9, 1) <= ASOF \
                    else hire
            hire = max(hire, lo)
        p.hire = hire
        if p.kind == "teacher":
            load = rng.choice([18, 18, 20, 22, 23, 24, 24, 25, 26, 27, 27])
            if rng.random() < 0.1:
                load = rng.choice([28, 29, 30, 32, 34, 36])
            if rng.random() < 0.05:
                load += 0.5
        elif p.position == "воспитатель":
            load = 36
        elif p.position in ("педагог дополнительного образования",
                            "концертмейстер"):
            load = rng.choice([18, 18, 24, 27, 36])
        else:
            load = None
        r = Row(p.main, p.position, p.subjects, "основное", load, hire)
        p.rows.append(r)
        # flags with the year they were obtained (for the history)
        young = p.age < 35

        def flag(name, prob):
            if rng.random() < prob:
                p.flags[name] = rng.choice([2023, 2024, 2025, 2025, 2026,
                                            2026])
        flag("iom", 0.28 if p.kind == "teacher" else 0.18)
        flag("method_active", 0.1 if p.exp >= 10 else 0.02)
        flag("network_community", 0.42)
        flag("is_mentor", 0.12 if p.exp >= 10 else 0.0)
        if young and p.exp < 3:
            flag("young_support", 0.35)
        if p.exp < 5 and rng.random() < 0.15:
            p.flags["target_contract"] = max(2023, p.hire.year)
        if p.hire.year >= 2024 and p.exp >= 1 and rng.random() < 0.07:
            p.flags["arrived"] = p.hire.year
    for p in s.persons:
        p.d9, p.chk = new_snils(rng, used)
    # part-timers: a second, part-time row in another school
    ptc = [p for p in teachers if p.exp >= 5 and p.subjects[0] not in (
        "начальные классы",)]
    for p in rng.sample(ptc, par["parttimers"]):
        other_o = rng.choice([o for o in oo if o is not p.main])
        p.rows.append(Row(other_o, "учитель", p.subjects[:1],
                          "совместительство", rng.choice([4, 6, 8, 9]),
                          max(p.hire, D(2022, 9, 1))))
    # one kindergarten music director works in two kindergartens
    mus = [p for p in s.persons if p.position == "музыкальный руководитель"]
    doos = [o for o in s.orgs if o.type == "ДОО"]
    if len(mus) >= 2 and len(doos) >= 2:
        p = mus[-1]
        p.rows.append(Row(doos[0] if p.main is not doos[0] else doos[1],
                          p.position, [], "совместительство", None,
                          max(p.hire, D(2021, 9, 1))))
    make_persons_names(rng, s.persons)

    # --- leavers (in the district in earlier Decembers only)
    s.leavers = []
    for y, target in sorted(par["history_teachers"].items(), reverse=True):
        present = [p for p in teachers if p.hire <= D(y, 12, 31)]
        have = len(present) + len([q for q in s.leavers
                                   if q.leave_year > y])
        for _ in range(max(0, target - have)):
            q = Person()
            q.kind = "teacher"
            q.position = "учитель"
            q.leave_year = y + 1
            q.main = rng.choice(oo)
            q.age = rng.randint(60, 72) if rng.random() < 0.6 \
                else rng.randint(27, 50)
            yb = ASOF_YEAR - q.age
            q.birth = rand_date(rng, D(yb, 1, 1), D(yb, 12, 31))
            q.exp = rng.randint(3, q.age - 22) + (ASOF_YEAR - y)
            q.exp = min(q.exp, q.age - 15)
            q.gender = "ж" if rng.random() < 0.85 else "м"
            q.edu = rng.choice(["высшее педагогическое", "высшее",
                                "СПО педагогическое"])
            q.cat = rng.choice(["высшая", "первая", "СЗД", "без категории"])
            q.subjects = [rng.choices(subj_names, subj_w)[0]]
            q.hire = D(rng.randint(1990, y - 1), 9, 1)
            q.rows = [Row(q.main, "учитель", q.subjects, "основное",
                          rng.choice([18, 22, 27]), q.hire)]
            q.flags = {}
            if rng.random() < 0.3:
                q.flags["network_community"] = 2023
            if rng.random() < 0.15:
                q.flags["iom"] = 2024
            q.d9, q.chk = new_snils(rng, used)
            s.leavers.append(q)

    everyone = s.persons + s.leavers
    # --- diagnostics: the programme grows year by year
    s.diags = []
    pyear = {2022: 0.14, 2023: 0.18, 2024: 0.24, 2025: 0.3, 2026: 0.3}
    for p in everyone:
        last = D(p.leave_year - 1, 12, 31) if p.leave_year else ASOF
        for y, pr in sorted(pyear.items()):
            if rng.random() >= pr:
                continue
            lo = max(p.hire, D(y, 2, 1))
            hi = min(last, D(y, 11, 30))
            if hi < lo:
                continue
            day = rand_date(rng, lo, hi)
            kind = rng.choice(DIAG_KINDS if p.kind == "teacher" else
                              ["методическая", "психолого-педагогическая",
                               "цифровая"])
            subj = p.subjects[0] if (p.kind == "teacher" and kind in (
                "предметная", "предметно-методическая")) else ""
            defi = rng.random() < (0.45 if p.exp < 5 else 0.3)
            score = rng.randint(30, 59) if defi else rng.randint(60, 98)
            areas = rng.sample(DEFICIT_AREAS, rng.choice([1, 1, 2, 3])) \
                if defi else []
            s.diags.append(dict(p=p, date=day, kind=kind, subject=subj,
                                score=score, deficit=defi, areas=areas,
                                explicit=rng.random() < 0.7))
    # special diagnostics: a tie on one date (the later row wins), a score
    # exactly at the threshold with no stated deficit (no deficit)
    tp = [p for p in s.persons if p.hire < D(2025, 1, 1)][:2]
    if tp:
        s.diags.append(dict(p=tp[0], date=D(2026, 10, 15),
                            kind="методическая", subject="", score=52,
                            deficit=True, areas=["оценивание"],
                            explicit=True))
        s.diags.append(dict(p=tp[0], date=D(2026, 10, 15),
                            kind="методическая", subject="", score=81,
                            deficit=False, areas=[], explicit=True))
        s.diags.append(dict(p=tp[1], date=D(2026, 3, 12), kind="цифровая",
                            subject="", score=DEFICIT_THRESHOLD,
                            deficit=False, areas=[], explicit=False))
    s.diags.sort(key=lambda d: (d["p"].main.num, d["date"]))

    # --- courses
    s.courses = []
    progs = [dict(name=n, provider=pv, kind=k, hours=h, flags=f)
             for n, pv, k, h, f in PROGRAMS]
    addressed = [g for g in progs if "a" in g["flags"]]
    gia = [g for g in progs if "g" in g["flags"]]
    pk = [g for g in progs if g["kind"] == "ПК" and not set("agt") &
          set(g["flags"])]
    pp = [g for g in progs if g["kind"] == "ПП"]

    def course(p, g, end, form=None):
        days = max(7, int(g["hours"] / 5 * 1.4))
        start = end - dt.timedelta(days=days)
        if form is None:
            form = rng.choice(["очная", "очно-заочная", "заочная",
                               "дистанционная", "дистанционная"])
        s.courses.append(dict(p=p, prog=g, start=start, end=end, form=form))

    for p in everyone:
        last = D(p.leave_year - 1, 12, 31) if p.leave_year else ASOF
        for y in range(2021, ASOF_YEAR + 1):
            if rng.random() < 0.33:
                lo = max(p.hire + dt.timedelta(30), D(y, 1, 20))
                hi = min(last, D(y, 12, 20))
                if hi >= lo:
                    course(p, rng.choice(pk), rand_date(rng, lo, hi))
        if p.kind == "teacher" and p.exp >= 8 and rng.random() < 0.1:
            end = rand_date(rng, max(p.hire, D(2022, 3, 1)),
                            min(last, D(2026, 11, 30)))
            course(p, rng.choice(gia), end)
        if p.exp >= 15 and rng.random() < 0.05:
            end = rand_date(rng, D(2022, 2, 1), min(last, D(2026, 11, 30)))
            course(p, progs[8], end)
    # addressed courses after a deficit diagnostic (most of them)
    for d in s.diags:
        if d["deficit"] and rng.random() < 0.55:
            end = d["date"] + dt.timedelta(days=rng.randint(20, 240))
            last = D(d["p"].leave_year - 1, 12, 31) if d["p"].leave_year \
                else ASOF
            if end <= last:
                course(d["p"], rng.choice(addressed), end)
    # retraining (ПП): career changers and a few others
    ppl = [p for p in s.persons if p.kind == "teacher" and p.exp < 3 and
           p.age >= 35]
    ppl += rng.sample([p for p in s.persons if p.edu in ("СПО", "")], 3)
    ppl += rng.sample([p for p in s.persons if p.kind == "other"], 4)
    for i, p in enumerate(ppl):
        g = pp[i % len(pp)] if p.kind != "teacher" else pp[0]
        if i == len(ppl) - 1:
            g = pp[-1]             # not pedagogical
        end = rand_date(rng, max(p.hire, D(2022, 6, 1)), D(2026, 12, 20))
        course(p, g, end, form=rng.choice(["заочная", "дистанционная"]))
    # window edges: one course ends on 01.01.2024 (in), one on 31.12.2023
    olds = [p for p in s.persons if p.hire < D(2020, 1, 1)]
    course(olds[0], progs[16 if olds[0].kind == "other" else 0],
           D(2024, 1, 1), form="дистанционная")
    course(olds[1], progs[13], D(2023, 12, 31), form="дистанционная")
    # a program name typed with Alt+Enter: one cell over two lines
    p = [q for q in s.persons if q.main is oo[0]][1]
    g = dict(name="Проектная деятельность школьников:\n"
             "от замысла к результату", provider=VGAPO, kind="ПК",
             hours=36, flags="")
    progs.append(g)
    course(p, g, D(2025, 3, 28), form="очная")
    s.courses.sort(key=lambda c: (c["p"].main.num, c["end"]))
    s.progs = progs

    # --- mentoring
    s.pairs = []

    def mentors_in(org, exclude):
        m = [q for q in s.persons if q.main is org and q.exp >= 10 and
             q is not exclude]
        m.sort(key=lambda q: (("is_mentor" not in q.flags), rng.random()))
        return m

    nomentor_school = None
    schools_with_beg = [o for o in oo if o is not big and any(
        p.main is o and p.exp < 3 for p in s.persons)]
    if schools_with_beg:
        nomentor_school = schools_with_beg[-1]
    big_mentor = mentors_in(big, None)[0]
    for p in everyone:
        if p.leave_year:
            continue
        if p.hire < D(2021, 9, 1) or p.exp >= 5:
            continue
        if p.main is nomentor_school:
            continue
        beginner = p.exp < 3
        if beginner:
            prob = 0.85 if p.main is not big else 1.0
        else:
            prob = 0.15             # a former beginner: the pair has ended
        if rng.random() >= prob:
            continue
        ms = mentors_in(p.main, p)
        if not ms:
            continue
        m = rng.choice(ms[:3])
        if p.main is big and p is not big_mentor and beginner:
            m = big_mentor
        start = min(ASOF, p.hire + dt.timedelta(days=rng.randint(3, 45)))
        if beginner:
            end = rng.choice([None, None, D(2027, 5, 31), D(2027, 8, 31),
                              start + dt.timedelta(days=1095)])
            if end is not None and end < ASOF:
                end = D(2027, 5, 31)
        else:
            end = start + dt.timedelta(days=rng.choice([365, 640, 730]))
            if end >= ASOF:
                continue            # hired as an experienced teacher
        form = rng.choice(["педагог — педагог"] * 5 +
                          ["руководитель — педагог", "групповое"])
        s.pairs.append(dict(org=p.main, m=m, e=p, form=form, start=start,
                            end=end, paid=rng.random() < 0.6))
    # two reverse pairs: a young digital-savvy teacher helps a veteran
    for k, o in enumerate([oo[0], oo[2]]):
        young = [q for q in teachers if q.main is o and 3 <= q.exp < 8]
        vet = [q for q in teachers if q.main is o and q.exp >= 20]
        if young and vet:
            start = D(2025, 10, 1) if k == 0 else D(2026, 9, 15)
            end = D(2026, 5, 31) if k == 0 else D(2027, 5, 31)
            s.pairs.append(dict(org=o, m=young[0], e=vet[0],
                                form="реверсивное", start=start, end=end,
                                paid=False))
    # an old pair that ended before the window
    pre = [q for q in teachers if q.main is oo[1] and 5 <= q.exp < 8]
    ms = mentors_in(oo[1], None)
    if pre and ms:
        s.pairs.append(dict(org=oo[1], m=ms[0], e=pre[0],
                            form="педагог — педагог", start=D(2021, 9, 1),
                            end=D(2023, 6, 30), paid=True))
    s.pairs.sort(key=lambda r: (r["org"].num, r["start"]))

    # --- vacancies
    s.vacancies = []
    by_num = {o.num: o for o in s.orgs}
    for n, subj, cnt, hor in par["vacancies"]:
        s.vacancies.append(dict(org=by_num[n], position="учитель",
                                subject=subj, count=cnt, horizon=hor,
                                hours=rng.choice([None, 18, 24])))
    for n, pos, cnt, hor in par["other_vacancies"]:
        s.vacancies.append(dict(org=by_num[n], position=pos, subject="",
                                count=cnt, horizon=hor, hours=None))
    s.vacancies.sort(key=lambda v: v["org"].num)
    s.hist_vacancies = par["history_vacancies"]
    s.rng = rng
    return s


# ---------------------------------------------------------------- compute
def compute(s, year):
    """District figures of the December of year, from the model.

    The population of an earlier year is the staff hired by then plus the
    teachers who have left since; flags count from the year they were
    obtained; diagnostics, courses and pairs by their dates.
    """
    asof = D(year, 12, 31)
    w0 = D(year - 2, 1, 1)
    shift = ASOF_YEAR - year
    P = []
    for p in s.persons + s.leavers:
        if p.extra:
            continue
        if p.leave_year is not None and p.leave_year <= year:
            continue
        if p.hire > asof:
            continue
        P.append(p)
    Pset = set(map(id, P))

    def has(p, f):
        return f in p.flags and p.flags[f] <= year

    def exp(p):
        return max(0.0, p.exp - shift) if p.leave_year is None else \
            p.exp - shift

    def inwin(day):
        return w0 <= day <= asof

    out = {}

    def share(code, num, den, br=""):
        out[(code, br)] = (num, den)

    def count(code, n, br=""):
        out[(code, br)] = (n, None)

    n = len(P)
    rows = [(p, r) for p in P for r in p.rows if r.hire <= asof]
    teachers = [p for p in P if any(r.position == "учитель"
                                    for r in p.rows)]
    subj_of = {}
    for p in teachers:
        subj_of[id(p)] = set(x for r in p.rows if r.position == "учитель"
                             for x in r.subjects)
    diags = [d for d in s.diags if id(d["p"]) in Pset and d["date"] <= asof]
    dwin = [d for d in diags if inwin(d["date"])]
    diagnosed = set(id(d["p"]) for d in dwin)
    share("I01", len(diagnosed), n)
    subjects = sorted(set(x for v in subj_of.values() for x in v))
    for sub in subjects:
        ts = [p for p in teachers if sub in subj_of[id(p)]]
        share("I01", sum(id(p) in diagnosed for p in ts), len(ts),
              "subject:" + sub)
        share("I15", sum(has(p, "network_community") for p in ts), len(ts),
              "subject:" + sub)
    share("I02", sum(has(p, "iom") for p in P), n)
    courses = [c for c in s.courses if id(c["p"]) in Pset and
               c["end"] <= asof]
    # a program's yes/no attributes come from all its rows; here they are
    # program-level by construction
    cwin = [c for c in courses if inwin(c["end"])]

    def pc(flag):
        return len(set(id(c["p"]) for c in cwin
                       if flag in c["prog"]["flags"]))
    share("I03", pc("a"), n)
    share("I04", pc("f"), n)
    ppw = [c for c in cwin if c["prog"]["kind"] == "ПП"]
    share("I05", len(set(id(c["p"]) for c in ppw
                         if "p" in c["prog"]["flags"])),
          len(set(id(c["p"]) for c in ppw)))
    share("I06", len(set(id(c["p"]) for c in cwin
                         if c["form"] == "дистанционная")), n)
    pkprogs = set(c["prog"]["name"] for c in cwin
                  if c["prog"]["kind"] == "ПК")
    byname = {g["name"]: g for g in s.progs}
    share("I07", sum("e" in byname[x]["flags"] for x in pkprogs),
          len(pkprogs))
    share("I08", pc("g"), n)
    share("I09", pc("t"), n)
    share("I10", sum("s" in byname[x]["flags"] for x in pkprogs),
          len(pkprogs))
    latest = {}
    for d in dwin:            # file order = list order; later row wins
        k = id(d["p"])
        if k not in latest or d["date"] >= latest[k]["date"]:
            latest[k] = d
    pmap = {id(p): p for p in P}
    share("I11", sum(1 for k, d in latest.items() if not d["deficit"] and
                     has(pmap[k], "method_active")), len(latest))
    pairs = [r for r in s.pairs if id(r["m"]) in Pset and
             id(r["e"]) in Pset and r["start"] <= asof]
    pwin = [r for r in pairs if r["end"] is None or r["end"] >= w0]
    mentors = set(id(r["m"]) for r in pwin)
    share("I12", sum(has(p, "is_mentor") or id(p) in mentors for p in P), n)
    yb = [p for p in P if age_on(p.birth, asof) < 35 and exp(p) < 3]
    mentees_w = set(id(r["e"]) for r in pwin)
    share("I13", sum(id(p) in mentees_w or has(p, "young_support")
                     for p in yb), len(yb))
    oo = [o for o in s.orgs if o.type == "ОО"]
    share("I14", sum(o.mm_year is not None and o.mm_year <= year
                     for o in oo), len(oo))
    share("I15", sum(has(p, "network_community") for p in P), n)
    if year == ASOF_YEAR:
        cur = sum(v["count"] for v in s.vacancies
                  if v["horizon"] in ("текущая", "") and not v.get("bad"))
    else:
        cur = s.hist_vacancies[year]
    share("I16", n, n + cur)
    count("I17", sum(exp(p) < 1 for p in P))
    yt = [p for p in teachers if age_on(p.birth, asof) < 35]
    count("I18", len(yt))
    for sub in subjects:
        count("I18", sum(sub in subj_of[id(p)] for p in yt),
              "subject:" + sub)
    # section S: teachers with an учитель row in a type-ОО organization
    st = [p for p in P if any(r.position == "учитель" and
                              r.org.type == "ОО" for r in p.rows)]
    ns = len(st)
    count("S.count", ns)
    count("S.staff", n)
    for t in ("ОО", "ДОО", "ДО"):
        count("S.staff", sum(any(r.org.type == t for r in p.rows)
                             for p in P), "org_type:" + t)
    share("S.edu.higher", sum(p.edu.startswith("высшее") for p in st), ns)
    for code, cat in (("high", "высшая"), ("first", "первая"),
                      ("szd", "СЗД"), ("none", "без категории")):
        share("S.cat." + code, sum(p.cat == cat for p in st), ns)
    ages = [age_on(p.birth, asof) for p in st]
    bands = [("under25", 0, 25), ("25-29", 25, 30), ("30-34", 30, 35),
             ("35-39", 35, 40), ("40-44", 40, 45), ("45-49", 45, 50),
             ("50-54", 50, 55), ("55-59", 55, 60), ("60-64", 60, 65),
             ("65+", 65, 200), ("35-59", 35, 60), ("under35", 0, 35)]
    for name, lo, hi in bands:
        share("S.age." + name, sum(lo <= a < hi for a in ages), ns)
    exps = [exp(p) for p in st]
    for name, lo, hi in (("under3", 0, 3), ("3-5", 3, 5), ("5-10", 5, 10),
                         ("10-15", 10, 15), ("15-20", 15, 20),
                         ("20+", 20, 999)):
        share("S.exp." + name, sum(lo <= e < hi for e in exps), ns)
    share("S.women", sum(p.gender == "ж" for p in st), ns)
    return out


def summary_lines(s, year, fig, history=None):
    """summary.csv rows (outputs.md) for district figures fig."""
    rows = []
    for (code, br), (num, den) in fig.items():
        if den is None:
            rows.append((code, br, str(num), "", str(num)))
        elif den == 0:
            rows.append((code, br, str(num), "0", ""))
        else:
            rows.append((code, br, str(num), str(den), pct_str(num, den)))
    for y, hf in (history or {}).items():
        for code in ("I16", "I17", "I18"):
            num, den = hf[(code, "")]
            val = str(num) if den is None else pct_str(num, den)
            rows.append((code, "year:%d" % y, str(num),
                         "" if den is None else str(den), val))
    rows.sort(key=lambda r: (r[0].encode(), r[1].encode()))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["period", "scope", "scope_id", "scope_name", "code",
                "breakdown", "numerator", "denominator", "value"])
    for r in rows:
        w.writerow(["%d-12" % year, "district", s.name, s.name] + list(r))
    return buf.getvalue()


# ---------------------------------------------------------------- writing
YESNO_STYLES = [("да", "нет"), ("да", ""), ("+", "-"), ("Да", "Нет"),
                ("1", "0"), ("да", "")]
CAT_SPELL = {"высшая": ["высшая", "ВКК", "Высшая"],
             "первая": ["первая", "1", "I", "первая"],
             "СЗД": ["СЗД", "соответствие занимаемой должности", "СЗД"],
             "без категории": ["", "без категории", ""]}


class Writer:
    """Turns the model into files of one shape."""

    def __init__(self, s, shape):
        self.s, self.shape = s, shape
        self.rng = random.Random(s.par["seed"] + 7)
        self.utf8 = shape == "utf8"
        self.mistakes = []         # (relpath, line, column, what)

    def header(self, kind, org):
        cols = COLUMNS[kind]
        if self.utf8:
            return [k for k, _, _ in cols]
        st = org.style if org else 0
        out = []
        for k, label, req in cols:
            if st in (1, 4) and req:
                label += "*"
            elif st == 2:
                label = label.lower()
            elif st == 3 and k in ("person_id", "org_id"):
                label = label.upper()
            out.append(label)
        return out

    def yn(self, org, v):
        if self.utf8:
            return "да" if v else "нет"
        y, n = YESNO_STYLES[org.style if org else 0]
        return y if v else n

    def date(self, org, d):
        if d is None:
            return ""
        if isinstance(d, str):
            return d
        if self.utf8:
            return d.isoformat()
        if org and org.style == 5:
            return "%d.%d.%d" % (d.day, d.month, d.year)
        return d.strftime("%d.%m.%Y")

    def snils(self, org, p):
        if self.utf8:
            return snils_fmt(p.d9, p.chk)
        return snils_fmt(p.d9, p.chk, 1 if org and org.style == 4 else 0)

    def num(self, x):
        if x is None:
            return ""
        if isinstance(x, str):
            return x
        return fmt_num(x, comma=not self.utf8)

    def write_file(self, outdir, rel, kind, org, rows, extra_cols=None):
        """rows: list of (cells, note); note marks a deliberate mistake."""
        buf = io.StringIO()
        delim = "," if self.utf8 else ";"
        eol = "\n" if self.utf8 else "\r\n"
        w = csv.writer(buf, delimiter=delim, lineterminator=eol)
        head = self.header(kind, org)
        numbered = (not self.utf8 and extra_cols)
        if numbered:
            head = ["№ п/п"] + head
        w.writerow(head)
        for i, (cells, note) in enumerate(rows):
            if cells is None:       # an Excel blank row
                w.writerow([""] * 6)
                continue
            line = buf.getvalue().count("\n") + 1
            if numbered:
                cells = [str(i + 1)] + cells
            if (not self.utf8 and org and org.style == 3 and
                    self.rng.random() < 0.3):
                cells = cells + ["", "", ""]     # Excel's trailing ;;;
            w.writerow(cells)
            if note:
                self.mistakes.append((rel, line, note[0], note[1]))
        data = buf.getvalue()
        path = os.path.join(outdir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data.encode("utf-8" if self.utf8 else "cp1251"))

    def rel(self, kind, org):
        if org is None:
            return ("organizations.csv" if self.utf8 else
                    FILE_RU[kind] + ".csv")
        if self.utf8:
            return "%s_%s.csv" % (kind, org.folder)
        return os.path.join(org.folder, FILE_RU[kind] + ".csv")

    def staff_cells(self, o, p, r):
        emp = r.employment
        if emp == "основное" and not self.utf8 and o.style in (1, 3, 5):
            emp = ""
        pos = r.position
        subj = ""
        if r.position == "учитель":
            if r.subj_text is None:
                if (r.subjects == ["начальные классы"] and not self.utf8
                        and self.rng.random() < 0.5):
                    r.subj_text = ("учитель начальных классов", "")
                else:
                    parts = [self.rng.choice(SUBJECTS[x][1])
                             for x in r.subjects]
                    r.subj_text = ("учитель", ", ".join(parts))
            pos, subj = r.subj_text
            if not self.utf8 and o.style == 2 and pos == "учитель":
                pos = "Учитель"
        gender = p.gender
        if not self.utf8 and o.style in (2, 4):
            gender = {"ж": "женский", "м": "мужской"}[gender]
        cat = p.cat
        if not self.utf8:
            cat = CAT_SPELL[cat][o.style % 3]
        elif cat == "без категории":
            cat = ""
        main = r is p.rows[0]
        fl = {f: (f in p.flags) for f in FLAGS}
        load = r.load
        return [self.snils(o, p), p.fio, self.date(o, p.birth),
                gender, o.id, pos, subj, emp, p.edu, cat,
                self.num(p.exp), self.date(o, getattr(r, "hire_text",
                                                      None) or r.hire),
                self.num(load)] + [self.yn(o, fl[f] and (main or f in (
                    "is_mentor", "method_active"))) for f in FLAGS]

    def write(self, outdir):
        s = self.s
        rng = self.rng
        if os.path.isdir(outdir):
            shutil.rmtree(outdir)
        os.makedirs(outdir)
        mk = s.par["mistakes"]
        # organizations
        rows = []
        for o in s.orgs:
            rows.append(([o.id, o.name, o.type, s.name,
                          self.yn(None, o.low_results) if o.type == "ОО"
                          else "", self.yn(None, o.mm_year is not None)
                          if o.type == "ОО" else ""], None))
        self.write_file(outdir, self.rel("organizations", None),
                        "organizations", None, rows)
        bad = self.bad_rows() if mk else {}
        for o in s.orgs:
            # staff
            rows = []
            for p in sorted(s.persons, key=lambda q: q.fio):
                for r in p.rows:           # a school's list: by name
                    if r.org is o:
                        rows.append((self.staff_cells(o, p, r), r.note))
            rows += bad.get(("staff", o.num), [])
            if mk and o.num == 6 and not self.utf8:
                rows.insert(len(rows) - 1, (None, None))
            self.write_file(outdir, self.rel("staff", o), "staff", o, rows,
                            extra_cols=(mk and o.num == 7))
            # diagnostics
            rows = []
            for d in s.diags:
                if d["p"].main is not o or d["p"].leave_year:
                    continue        # leavers feed the history only
                defi = self.yn(o, d["deficit"]) if d["explicit"] else ""
                rows.append(([self.snils(o, d["p"]),
                              self.date(o, d["date"]), d["kind"],
                              d["subject"], str(d["score"]), defi,
                              ", ".join(d["areas"])], None))
            rows += bad.get(("diagnostics", o.num), [])
            if rows:
                self.write_file(outdir, self.rel("diagnostics", o),
                                "diagnostics", o, rows)
            # courses
            rows = []
            for c in s.courses:
                if c["p"].main is not o or c["p"].leave_year:
                    continue
                rows.append((self.course_cells(o, c), None))
            rows += bad.get(("courses", o.num), [])
            if rows:
                self.write_file(outdir, self.rel("courses", o), "courses",
                                o, rows)
            # mentoring
            rows = []
            for r in s.pairs:
                if r["org"] is not o:
                    continue
                rows.append(([o.id, self.snils(o, r["m"]),
                              self.snils(o, r["e"]), r["form"],
                              self.date(o, r["start"]),
                              self.date(o, r["end"]),
                              self.yn(o, r["paid"])], None))
            rows += bad.get(("mentoring", o.num), [])
            if rows:
                self.write_file(outdir, self.rel("mentoring", o),
                                "mentoring", o, rows)
            # vacancies
            rows = []
            for v in s.vacancies:
                if v["org"] is not o:
                    continue
                rows.append(([o.id, v["position"], v["subject"],
                              str(v["count"]), v["horizon"],
                              self.num(v["hours"])], v.get("note")))
            rows += bad.get(("vacancies", o.num), [])
            if rows:
                self.write_file(outdir, self.rel("vacancies", o),
                                "vacancies", o, rows)

    def course_cells(self, o, c):
        g = c["prog"]
        f = g["flags"]
        kind = g["kind"]
        if not self.utf8 and o.style == 2:
            kind = {"ПК": "повышение квалификации",
                    "ПП": "профессиональная переподготовка"}[kind]
        name = c.get("name_text") or g["name"]
        return [self.snils(o, c["p"]), name, g["provider"], kind,
                str(g["hours"]), self.date(o, c.get("start_text") or
                                           c["start"]),
                self.date(o, c.get("end_text") or c["end"]), c["form"],
                self.yn(o, "f" in f), self.yn(o, "a" in f),
                self.yn(o, "e" in f), self.yn(o, "s" in f),
                self.yn(o, "g" in f), self.yn(o, "t" in f),
                self.yn(o, "p" in f) if kind != "ПК" and g["kind"] == "ПП"
                else ""]

    def bad_rows(self):
        """The deliberate mistakes: extra rows that never count."""
        s = self.s
        rng = random.Random(s.par["seed"] + 99)
        by_num = {o.num: o for o in s.orgs}
        bad = {}

        def add(kind, num, cells, col, what):
            bad.setdefault((kind, num), []).append((cells, (col, what)))

        def ghost(age, exp, position="учитель", subj="математика",
                  checksum_ok=True):
            p = Person()
            p.extra = True
            p.gender = "ж"
            p.age = age
            p.birth = D(ASOF_YEAR - age, rng.randint(1, 12),
                        rng.randint(1, 28))
            p.exp, p.edu, p.cat = exp, "высшее педагогическое", \
                "без категории"
            p.d9, p.chk = new_snils(rng, self.used)
            if not checksum_ok:
                p.chk = (p.chk + 7) % 100
            p.fio = "Ложкина Мария Игоревна"
            p.flags = {}
            r = Row(None, position, [subj] if subj else [], "основное",
                    18, D(2025, 9, 1))
            r.subj_text = (position, subj)
            p.rows = [r]
            return p

        self.used = set(p.d9 for p in s.persons + s.leavers)
        col = (lambda key: key if self.utf8 else
               dict((k, lab) for kind in COLUMNS.values()
                    for k, lab, _ in kind)[key])
        # 1. staff: SNILS with a wrong check number
        o = by_num[3]
        g = ghost(41, 15, checksum_ok=False)
        g.fio = "Рябинина Светлана Олеговна"
        add("staff", 3, self.staff_cells(o, g, g.rows[0]), col("person_id"),
            "неверная контрольная сумма СНИЛС (новый работник)")
        # 2. staff: an unknown position
        o = by_num[6]
        g = ghost(29, 6, position="вожатая", subj="")
        g.fio = "Кравцова Алина Денисовна"
        add("staff", 6, self.staff_cells(o, g, g.rows[0]), col("position"),
            "неизвестная должность «вожатая»")
        # 3. staff: experience above age - 14
        o = by_num[9]
        g = ghost(31, 25)
        g.fio = "Белова Дарья Андреевна"
        add("staff", 9, self.staff_cells(o, g, g.rows[0]),
            col("ped_experience"),
            "педагогический стаж 25 лет при возрасте 31 год "
            "(больше возраста − 14)")
        # 4. diagnostics: 31.02.2026
        o = by_num[2]
        p = next(q for q in s.persons if q.main is o)
        add("diagnostics", 2, [self.snils(o, p),
                               "2026-02-31" if self.utf8 else "31.02.2026",
                               "методическая", "", "74",
                               self.yn(o, False), ""], col("date"),
            "несуществующая дата 31.02.2026")
        # 5. diagnostics: a person who is not in staff
        o = by_num[11]
        g = ghost(45, 20)
        add("diagnostics", 11, [snils_fmt(g.d9, g.chk),
                                self.date(o, D(2026, 4, 14)), "предметная",
                                "математика", "55", self.yn(o, True),
                                "оценивание"], col("person_id"),
            "СНИЛС отсутствует в файлах кадров")
        # 6. courses: a two-digit year
        o = by_num[4]
        p = next(q for q in s.persons if q.main is o)
        g0 = s.progs[12]
        c = dict(p=p, prog=g0, start=D(2025, 6, 2), end="01.09.25",
                 form="дистанционная")
        cells = self.course_cells(o, c)
        cells[6] = "01.09.25"
        add("courses", 4, cells, col("end_date"),
            "двузначный год в дате 01.09.25")
        # 7. courses: end before start (after a multi-line program name)
        o = by_num[1]
        p = [q for q in s.persons if q.main is o][1]
        c = dict(p=p, prog=s.progs[13], start=D(2026, 11, 20),
                 end=D(2026, 10, 20), form="очная")
        add("courses", 1, self.course_cells(o, c), col("end_date"),
            "дата окончания 20.10.2026 раньше даты начала 20.11.2026")
        # 8. mentoring: mentor = mentee
        o = by_num[5]
        p = [q for q in s.persons if q.main is o and q.exp >= 10][0]
        add("mentoring", 5, [o.id, self.snils(o, p), self.snils(o, p),
                             "педагог — педагог",
                             self.date(o, D(2026, 9, 1)), "",
                             self.yn(o, False)], col("mentee_id"),
            "наставник и наставляемый — одно лицо")
        # 9. vacancies: count 0
        o = by_num[8]
        add("vacancies", 8, [o.id, "учитель", "химия", "0", "текущая", ""],
            col("count"), "количество 0 (ожидается больше 0)")
        # 10. staff: an Excel serial date in an optional column (warning)
        o = by_num[10]
        p = next(q for q in s.persons if q.main is o and q.kind == "teacher"
                 and q.hire < D(2023, 9, 1) and len(q.rows) == 1)
        r = p.rows[0]
        r.hire = D(2023, 9, 1)       # Excel serial 45170
        r.hire_text = "45170"
        r.note = (col("hire_date"), "дата приема записана числом Excel "
                  "45170 (= 01.09.2023): предупреждение, строка принимается")
        return bad


def write_readme(w, outdir, s):
    lines = []
    lines.append("# Пример данных: %s\n" % s.name)
    if s.par["folder"] != "lenin":
        fig = compute(s, ASOF_YEAR)
        n = {k[0]: v for k, v in fig.items() if k[1] == ""}
        lines.append(
            "Данные вымышлены и сформированы скриптом "
            "`scripts/make_sample.py --variant` (детерминированно) для "
            "проверки регионального свода: %d организаций, %d "
            "педагогических работников, %d учителей, из них %d с высшим "
            "образованием (%s %%), %d в возрасте 35–59 лет, %d со стажем "
            "20 лет и более. Намеренных ошибок нет.\n" % (
                len(s.orgs), n["S.staff"][0], n["S.count"][0],
                n["S.edu.higher"][0], pct_str(*n["S.edu.higher"]).replace(
                    ".", ","), n["S.age.35-59"][0], n["S.exp.20+"][0]))
    else:
        lines.append(
        "Данные вымышлены и сформированы скриптом `scripts/make_sample.py` "
        "(детерминированно). Структура повторяет раздел 1 концепции "
        "(семя 001): 25 организаций, 365 педагогических работников "
        "(ОО — 256, ДОО — 80, ДО — 29), 247 учителей, из них 156 с высшим "
        "образованием (63,2 %), 47 с высшей категорией (19,0 %), 59 с "
        "первой (23,9 %), 114 в возрасте 35–59 лет (46,2 %), 100 со стажем "
        "20 лет и более (40,5 %); потребность в учителях — 15 человек "
        "(русский язык и литература — 6, иностранный язык — 3, "
        "математика — 2, начальные классы — 3, физика — 1).\n")
    lines.append(
        "Период: 2026-12 (на 31.12.2026, окно 01.01.2024–31.12.2026). "
        "Проверка чисел: `python3 scripts/check_sample.py %s`.\n"
        % os.path.relpath(outdir, os.path.dirname(os.path.dirname(
            os.path.abspath(__file__)))))
    if w.utf8:
        lines.append(
            "Это те же данные в другой форме: UTF-8, разделитель «,», "
            "английские ключи столбцов, LF, все файлы в одной папке, даты "
            "ГГГГ-ММ-ДД, десятичная точка.\n")
    else:
        lines.append(
            "Форма, в которой присылают школы: Windows-1251, разделитель "
            "«;», русские заголовки (иногда со «*» или в другом регистре), "
            "CRLF, папка на каждую организацию, даты ДД.ММ.ГГГГ (в "
            "некоторых школах Д.М.ГГГГ), десятичная запятая, СНИЛС в виде "
            "«123-456-789 01» (в некоторых школах — 11 цифр подряд), "
            "да/нет, +/-, 1/0 или пусто в столбцах «да/нет», синонимы "
            "категорий (ВКК, 1, I) и предметов (алгебра, геометрия, "
            "рус. яз., английский язык).\n")
    if s.par["folder"] == "lenin":
        lines.append(
            "История: `samples/lenin-history/2024-12/summary.csv` и "
            "`2025-12/summary.csv` — итоги, которые записали бы прошлые "
            "запуски (`--history samples/lenin-history`). Они посчитаны "
            "тем же скриптом по смоделированному составу прошлых лет: "
            "работники, принятые позже, исключены, уволившиеся учителя "
            "добавлены (258 → 253 → 247 учителей), признаки (ИОМ, "
            "сетевое сообщество, …) — с года их получения, диагностика, "
            "курсы и пары наставничества — по датам.\n")
    if w.mistakes:
        lines.append("## Намеренные ошибки\n")
        lines.append(
            "Это дополнительные строки (кроме последней — предупреждения), "
            "которые не меняют показатели выше. `kadry check` должен "
            "сообщить о каждой (строка — физическая строка файла, "
            "заголовок — строка 1).\n")
        lines.append("| файл | строка | столбец | что не так |")
        lines.append("|---|---|---|---|")
        for rel, line, colname, what in w.mistakes:
            lines.append("| `%s` | %d | %s | %s |" % (
                rel.replace(os.sep, "/"), line, colname, what))
        lines.append("")
        if not w.utf8:
            o = [x for x in s.orgs if x.num == 7][0]
            lines.append(
                "Кроме того: в `%s` есть лишний столбец «№ п/п» "
                "(предупреждение о неизвестном столбце); в `%s` перед "
                "последней строкой — пустая строка Excel; в `%s` название "
                "одной программы занимает две физические строки (перенос "
                "внутри ячейки в кавычках).\n" % (
                    w.rel("staff", o).replace(os.sep, "/"),
                    w.rel("staff", [x for x in s.orgs if x.num == 6][0])
                    .replace(os.sep, "/"),
                    w.rel("courses", [x for x in s.orgs if x.num == 1][0])
                    .replace(os.sep, "/")))
    with open(os.path.join(outdir, "README.md"), "w",
              encoding="utf-8") as f:
        f.write("\n".join(lines))


def write_history(s, outdir):
    figs = {y: compute(s, y) for y in (2024, 2025)}
    for y in (2024, 2025):
        hist = {y2: figs[y2] for y2 in figs if y2 < y}
        d = os.path.join(outdir, "%d-12" % y)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "summary.csv"), "w",
                  encoding="utf-8", newline="") as f:
            f.write(summary_lines(s, y, figs[y], hist))


def write_shape(par, shape, outdir, readme=True):
    s = build(par)
    w = Writer(s, shape)
    w.write(outdir)
    if readme:
        write_readme(w, outdir, s)
    return s, w


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shape", choices=["cp1251", "utf8"])
    ap.add_argument("--variant", type=int, default=0)
    ap.add_argument("-o", "--out")
    ap.add_argument("--history", help="write the 2024-12 and 2025-12 "
                    "summaries to this folder")
    ap.add_argument("--print", action="store_true",
                    help="print the model's 2026-12 summary to stdout")
    a = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    par = variant_params(a.variant) if a.variant else LENIN
    if a.print:
        s = build(par)
        sys.stdout.write(summary_lines(s, ASOF_YEAR, compute(s, ASOF_YEAR)))
        return 0
    if a.shape or a.out or a.variant:
        shape = a.shape or "cp1251"
        out = a.out or os.path.join(
            root, "samples", ("variants/" if a.variant else "") +
            par["folder"] + ("-utf8" if shape == "utf8" else ""))
        s, w = write_shape(par, shape, out)
        if a.history:
            write_history(s, a.history)
        return 0
    # default: everything committed under samples/
    s, w = write_shape(LENIN, "cp1251", os.path.join(root, "samples",
                                                      "lenin"))
    write_shape(LENIN, "utf8", os.path.join(root, "samples", "lenin-utf8"))
    write_history(s, os.path.join(root, "samples", "lenin-history"))
    for n in (1, 2):
        p = variant_params(n)
        write_shape(p, "cp1251", os.path.join(root, "samples", "variants",
                                              p["folder"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
