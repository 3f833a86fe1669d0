#!/usr/bin/env python3
"""Reads a Kadry input folder back and recomputes its district figures.

An independent check of scripts/make_sample.py (and later of the C
program): it decodes and parses the CSV files itself (UTF-8 or
Windows-1251, ';' ',' or TAB), applies the validation rules of
/work/shared/spec/input.md that matter for the figures, and computes the
district figures of indicators.md from the accepted rows.  Output: the
rejected rows (file:line: what), then summary.csv lines (district scope).

    scripts/check_sample.py samples/lenin [--period 2026-12] [--expect-seed]

--expect-seed compares the figures of seed 001, section 1 and exits 1 on
any difference.
"""
import argparse
import csv
import datetime as dt
import io
import os
import re
import sys

LABELS = {
    "organizations": {"org_id": "Код ОО", "name": "Наименование",
                      "type": "Тип", "municipality": "Муниципалитет",
                      "low_results": "ШНОР",
                      "mentoring_model": "Целевая модель наставничества"},
    "staff": {"person_id": "СНИЛС", "org_id": "Код ОО", "full_name": "ФИО",
              "birth_date": "Дата рождения", "gender": "Пол",
              "position": "Должность", "subjects": "Предметы",
              "employment": "Занятость", "education": "Образование",
              "category": "Категория",
              "ped_experience": "Педагогический стаж, лет",
              "hire_date": "Дата приема",
              "teaching_load": "Нагрузка, ч/нед", "is_mentor": "Наставник",
              "method_active": "Методический актив",
              "network_community": "Сетевое сообщество",
              "young_support": "Формы поддержки", "iom": "ИОМ",
              "target_contract": "Целевое обучение",
              "arrived": "Прибыл из другой территории"},
    "diagnostics": {"person_id": "СНИЛС", "date": "Дата",
                    "kind": "Вид диагностики", "subject": "Предмет",
                    "score": "Результат, %", "deficit": "Дефицит выявлен",
                    "deficit_areas": "Дефицитные области"},
    "courses": {"person_id": "СНИЛС", "program": "Программа",
                "provider": "Организация", "kind": "Вид", "hours": "Часы",
                "start_date": "Начало", "end_date": "Окончание",
                "form": "Форма",
                "federal_registry": "Федеральный реестр ДПП",
                "addresses_deficit": "Адресная (по итогам диагностики)",
                "elearning": "Электронное обучение",
                "stress_module": "Модуль стрессоустойчивости",
                "expert_gia": "Подготовка экспертов ГИА",
                "expert_attestation": "Подготовка экспертов аттестации",
                "pedagogical": "Педагогическая направленность"},
    "mentoring": {"org_id": "Код ОО", "mentor_id": "СНИЛС наставника",
                  "mentee_id": "СНИЛС наставляемого", "form": "Форма",
                  "start_date": "Начало", "end_date": "Окончание",
                  "paid": "Доплата наставнику"},
    "vacancies": {"org_id": "Код ОО", "position": "Должность",
                  "subject": "Предмет", "count": "Количество",
                  "horizon": "Горизонт", "hours": "Нагрузка, ч/нед"},
}
PREFIXES = [("organizations", ["organizations", "orgs", "организации",
                               "оо"]),
            ("staff", ["staff", "кадры", "педагоги", "работники"]),
            ("diagnostics", ["diagnostics", "диагностика"]),
            ("courses", ["courses", "курсы", "пк"]),
            ("mentoring", ["mentoring", "наставничество"]),
            ("vacancies", ["vacancies", "вакансии", "потребность"])]
POSITIONS = ["учитель", "воспитатель", "старший воспитатель",
             "педагог дополнительного образования", "педагог-психолог",
             "социальный педагог", "учитель-логопед", "учитель-дефектолог",
             "педагог-организатор", "преподаватель-организатор ОБЖ",
             "методист", "советник директора по воспитанию", "тьютор",
             "музыкальный руководитель",
             "инструктор по физической культуре", "концертмейстер",
             "другое"]
SUBJ_SYN = {
    "русский язык и литература": "русский язык и литература",
    "русский язык": "русский язык и литература",
    "литература": "русский язык и литература",
    "рус. яз.": "русский язык и литература",
    "рус. яз": "русский язык и литература",
    "математика": "математика", "алгебра": "математика",
    "геометрия": "математика",
    "иностранный язык": "иностранный язык",
    "английский язык": "иностранный язык",
    "немецкий язык": "иностранный язык",
    "начальные классы": "начальные классы",
}
for _s in ["информатика", "физика", "химия", "биология", "география",
           "история и обществознание", "физическая культура", "технология",
           "музыка", "изо", "обж", "другое"]:
    SUBJ_SYN.setdefault(_s, {"изо": "ИЗО", "обж": "ОБЖ"}.get(_s, _s))


def norm(s):
    s = s.replace("\xa0", " ").lower().replace("ё", "е")
    s = " ".join(s.split())
    return s.rstrip(":*.,; ").strip()


def subject(s):
    n = norm(s)
    return SUBJ_SYN.get(n, s.strip())


def snils(s):
    """11 digits or None; raises ValueError('checksum') on a bad check."""
    s = s.strip()
    if not re.fullmatch(r"\d{3}-?\d{3}-?\d{3}[ -]?\d{2}", s):
        return None
    d = re.sub(r"\D", "", s)
    if int(d[:9]) > 1001998:
        t = sum(int(c) * (9 - i) for i, c in enumerate(d[:9]))
        chk = t if t < 100 else 0 if t in (100, 101) else t % 101 % 100
        if chk != int(d[9:]):
            raise ValueError("checksum")
    return d


def date(s):
    """(date or None, serial?); raises ValueError on a bad date."""
    s = s.strip()
    if not s:
        return None, False
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", s)
    if m:
        return dt.date(int(m[3]), int(m[2]), int(m[1])), False
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3])), False
    if re.fullmatch(r"\d+", s) and 20000 <= int(s) <= 80000:
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(s)), True
    raise ValueError("bad date")


def number(s):
    s = s.strip().replace("\xa0", "").replace(" ", "").replace(",", ".")
    if not s:
        return None
    return float(s)


def yes(s):
    return norm(s) in ("да", "+", "1", "yes", "true")


def age_on(b, day):
    return day.year - b.year - ((day.month, day.day) < (b.month, b.day))


def pct(num, den):
    t = (2000 * num + den) // (2 * den)
    return "%d.%d" % (t // 10, t % 10)


def kind_of(path, header):
    base = norm(os.path.basename(path))
    for kind, pre in PREFIXES:
        for p in pre:
            if base.startswith(p):
                return kind
    return None


def read_folder(root):
    files = []
    for d, _, names in os.walk(root):
        for n in names:
            if n.lower().endswith(".csv"):
                p = os.path.join(d, n)
                files.append((os.path.relpath(p, root).encode(), p))
    files.sort()
    data = {k: [] for k in LABELS}
    for rel, path in files:
        raw = open(path, "rb").read()
        try:
            text = raw.decode("utf-8")
            if text.startswith("\ufeff"):
                text = text[1:]
        except UnicodeDecodeError:
            text = raw.decode("cp1251")
        first = text.split("\n", 1)[0]
        delim = max([";", ",", "\t"], key=first.count)
        r = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
        kind = kind_of(path, None)
        head = None
        prev = 0
        for cells in r:
            line = prev + 1
            prev = r.line_num
            if not any(c.strip() for c in cells):
                continue
            if head is None:
                lab = {norm(v): k for k, v in LABELS[kind].items()}
                lab.update({k: k for k in LABELS[kind]})
                head = [lab.get(norm(c)) for c in cells]
                continue
            row = {}
            for k, c in zip(head, cells):
                if k:
                    row[k] = c.strip()
            row["_loc"] = "%s:%d" % (rel.decode(), line)
            data[kind].append(row)
    return data


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--period", default="2026-12")
    ap.add_argument("--expect-seed", action="store_true")
    a = ap.parse_args()
    y, m = map(int, a.period.split("-"))
    asof = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
    w0 = dt.date(y - 3 + (m == 12), m % 12 + 1, 1)
    data = read_folder(a.folder)
    rejected = []
    warnings = []

    def reject(row, what):
        rejected.append("%s: %s" % (row["_loc"], what))

    orgs = {}
    muni = set()
    for r in data["organizations"]:
        orgs[r["org_id"]] = r
        muni.add(r["municipality"])
    # staff
    rows = []
    seen = set()
    for r in data["staff"]:
        try:
            pid = snils(r.get("person_id", ""))
        except ValueError:
            reject(r, "СНИЛС: контрольная сумма")
            continue
        if not pid:
            reject(r, "СНИЛС: форма")
            continue
        if r.get("org_id") not in orgs:
            reject(r, "Код ОО")
            continue
        try:
            b, _ = date(r.get("birth_date", ""))
        except ValueError:
            reject(r, "Дата рождения")
            continue
        if b is None or not 16 <= age_on(b, asof) <= 90:
            reject(r, "Дата рождения/возраст")
            continue
        pos = norm(r.get("position", ""))
        subs = [subject(x) for x in re.split(r"[,/]", r.get("subjects", ""))
                if x.strip()]
        if pos.startswith("учитель ") and pos not in [norm(p) for p in
                                                      POSITIONS]:
            if not subs:
                subs = [subject(pos[len("учитель "):])]
            pos = "учитель"
        if pos not in [norm(p) for p in POSITIONS]:
            reject(r, "Должность")
            continue
        e = number(r.get("ped_experience", ""))
        if e is None or e < 0 or e > age_on(b, asof) - 14:
            reject(r, "Педагогический стаж")
            continue
        try:
            _, serial = date(r.get("hire_date", ""))
            if serial:
                warnings.append("%s: дата приема числом Excel" % r["_loc"])
        except ValueError:
            warnings.append("%s: дата приема" % r["_loc"])
        if (pid, r["org_id"]) in seen:
            reject(r, "повтор")
            continue
        seen.add((pid, r["org_id"]))
        emp = norm(r.get("employment", "")) or "основное"
        rows.append(dict(pid=pid, org=r["org_id"], birth=b, pos=pos,
                         subs=subs, emp=emp, exp=e,
                         edu=norm(r.get("education", "")),
                         cat=norm(r.get("category", "")),
                         gender=norm(r.get("gender", ""))[:1],
                         load=number(r.get("teaching_load", "")) or 0,
                         flags={f for f in ("is_mentor", "method_active",
                                            "network_community",
                                            "young_support", "iom",
                                            "target_contract", "arrived")
                                if yes(r.get(f, ""))}))
    persons = {}
    for r in rows:
        p = persons.setdefault(r["pid"], dict(rows=[], main=None))
        p["rows"].append(r)
    for p in persons.values():
        mains = [r for r in p["rows"] if r["emp"] == "основное"]
        if len(mains) != 1:
            warnings.append("основное: %d строк" % len(mains))
        p["main"] = (mains or p["rows"])[0]
        p["flags"] = set().union(*[r["flags"] for r in p["rows"]])
        p["types"] = {orgs[r["org"]]["type"] for r in p["rows"]}
        p["teacher"] = any(r["pos"] == "учитель" for r in p["rows"])
        p["s_teacher"] = any(r["pos"] == "учитель" and
                             orgs[r["org"]]["type"] == "ОО"
                             for r in p["rows"])
        p["subs"] = set(x for r in p["rows"] if r["pos"] == "учитель"
                        for x in r["subs"])
        p["age"] = age_on(p["main"]["birth"], asof)
        p["exp"] = p["main"]["exp"]
    # diagnostics
    diags = []
    for r in data["diagnostics"]:
        try:
            pid = snils(r.get("person_id", ""))
        except ValueError:
            pid = None
        if pid not in persons:
            reject(r, "СНИЛС нет в кадрах")
            continue
        try:
            d, _ = date(r.get("date", ""))
        except ValueError:
            reject(r, "Дата")
            continue
        if d is None or d > asof:
            reject(r, "Дата")
            continue
        sc = number(r.get("score", ""))
        if r.get("deficit", ""):
            defi = yes(r["deficit"])
        else:
            defi = sc is not None and sc < 60
        diags.append(dict(pid=pid, date=d, deficit=defi,
                          areas=[norm(x) for x in
                                 r.get("deficit_areas", "").split(",")
                                 if x.strip()]))
    # courses
    courses = []
    for r in data["courses"]:
        try:
            pid = snils(r.get("person_id", ""))
        except ValueError:
            pid = None
        if pid not in persons:
            reject(r, "СНИЛС нет в кадрах")
            continue
        try:
            s0, _ = date(r.get("start_date", ""))
        except ValueError:
            s0 = None
        try:
            e0, _ = date(r.get("end_date", ""))
        except ValueError:
            reject(r, "Окончание")
            continue
        if e0 is None or e0 > asof or (s0 and e0 < s0):
            reject(r, "Окончание")
            continue
        k = norm(r.get("kind", ""))
        k = "ПК" if k in ("пк", "повышение квалификации") else "ПП"
        courses.append(dict(pid=pid, end=e0, kind=k, form=norm(
            r.get("form", "")), prog=(norm(r.get("program", "")),
                                      norm(r.get("provider", ""))),
            flags={f for f in ("federal_registry", "addresses_deficit",
                               "elearning", "stress_module", "expert_gia",
                               "expert_attestation", "pedagogical")
                   if yes(r.get(f, ""))}))
    pflags = {}
    for c in courses:
        pflags.setdefault(c["prog"], set()).update(c["flags"])
    # mentoring
    pairs = []
    for r in data["mentoring"]:
        try:
            mi = snils(r.get("mentor_id", ""))
            me = snils(r.get("mentee_id", ""))
        except ValueError:
            reject(r, "СНИЛС")
            continue
        if mi not in persons or me not in persons or mi == me:
            reject(r, "наставник/наставляемый")
            continue
        try:
            st, _ = date(r.get("start_date", ""))
            en, _ = date(r.get("end_date", ""))
        except ValueError:
            reject(r, "дата")
            continue
        if st is None or st > asof or (en is not None and en < st):
            reject(r, "Начало/Окончание")
            continue
        pairs.append(dict(m=mi, e=me, start=st, end=en, org=r["org_id"],
                          form=norm(r.get("form", "")),
                          paid=yes(r.get("paid", ""))))
    # vacancies
    vac = []
    for r in data["vacancies"]:
        try:
            n = int(r.get("count", ""))
        except ValueError:
            n = 0
        if n <= 0 or r.get("org_id") not in orgs:
            reject(r, "Количество")
            continue
        hor = norm(r.get("horizon", "")) or "текущая"
        vac.append(dict(subject=subject(r.get("subject", "")), count=n,
                        horizon=hor))

    # ------------------------------------------------------------ figures
    out = []

    def cnt(code, n, br=""):
        out.append((code, br, str(n), "", str(n)))

    def shr(code, num, den, br=""):
        out.append((code, br, str(num), str(den),
                    pct(num, den) if den else ""))

    P = persons
    n = len(P)
    cnt("S.staff", n)
    for t in ("ОО", "ДОО", "ДО"):
        cnt("S.staff", sum(t in p["types"] for p in P.values()),
            "org_type:" + t)
    st = [p for p in P.values() if p["s_teacher"]]
    ns = len(st)
    cnt("S.count", ns)
    shr("S.edu.higher", sum(p["main"]["edu"].startswith("высшее")
                            for p in st), ns)
    cats = {"high": ("высшая", "вкк"), "first": ("первая", "1", "i"),
            "szd": ("сзд", "соответствие занимаемой должности"),
            "none": ("", "без категории")}
    for k, v in cats.items():
        shr("S.cat." + k, sum(p["main"]["cat"] in v for p in st), ns)
    shr("S.age.35-59", sum(35 <= p["age"] < 60 for p in st), ns)
    shr("S.age.under35", sum(p["age"] < 35 for p in st), ns)
    shr("S.age.60-64", sum(60 <= p["age"] < 65 for p in st), ns)
    shr("S.age.65+", sum(p["age"] >= 65 for p in st), ns)
    shr("S.exp.20+", sum(p["exp"] >= 20 for p in st), ns)
    shr("S.exp.under3", sum(p["exp"] < 3 for p in st), ns)
    shr("S.women", sum(p["main"]["gender"] == "ж" for p in st), ns)
    need = {}
    for v in vac:
        if v["horizon"] in ("текущая", "среднесрочная"):
            need[v["subject"]] = need.get(v["subject"], 0) + v["count"]
    cnt("K.need", sum(need.values()))
    for k in need:
        if k:
            cnt("K.need", need[k], "subject:" + k)
    cnt("K.vacancies", sum(v["count"] for v in vac))
    teachers = [p for p in P.values() if p["teacher"]]
    cnt("K.teachers60", sum(p["age"] >= 60 for p in teachers))
    cnt("K.overloaded", sum(sum(r["load"] for r in p["rows"]) > 27
                            for p in teachers))
    cnt("K.target_contract", sum("target_contract" in p["flags"]
                                 for p in P.values()))
    cnt("K.arrived", sum("arrived" in p["flags"] for p in P.values()))
    # indicators (district totals)
    dwin = [d for d in diags if w0 <= d["date"] <= asof]
    diagnosed = {d["pid"] for d in dwin}
    shr("I01", len(diagnosed), n)
    shr("I02", sum("iom" in p["flags"] for p in P.values()), n)
    cwin = [c for c in courses if w0 <= c["end"] <= asof]

    def pc(f):
        return len({c["pid"] for c in cwin if f in pflags[c["prog"]]})
    shr("I03", pc("addresses_deficit"), n)
    shr("I04", pc("federal_registry"), n)
    ppw = [c for c in cwin if c["kind"] == "ПП"]
    shr("I05", len({c["pid"] for c in ppw
                    if "pedagogical" in pflags[c["prog"]]}),
        len({c["pid"] for c in ppw}))
    shr("I06", len({c["pid"] for c in cwin
                    if c["form"] == "дистанционная"}), n)
    pk = {c["prog"] for c in cwin if c["kind"] == "ПК"}
    shr("I07", sum("elearning" in pflags[g] for g in pk), len(pk))
    shr("I08", pc("expert_gia"), n)
    shr("I09", pc("expert_attestation"), n)
    shr("I10", sum("stress_module" in pflags[g] for g in pk), len(pk))
    latest = {}
    for d in dwin:
        if d["pid"] not in latest or d["date"] >= latest[d["pid"]]["date"]:
            latest[d["pid"]] = d
    shr("I11", sum(1 for k, d in latest.items() if not d["deficit"] and
                   "method_active" in P[k]["flags"]), len(latest))
    pwin = [r for r in pairs if r["end"] is None or r["end"] >= w0]
    mentors = {r["m"] for r in pwin}
    shr("I12", sum("is_mentor" in p["flags"] or k in mentors
                   for k, p in P.items()), n)
    yb = [k for k, p in P.items() if p["age"] < 35 and p["exp"] < 3]
    mw = {r["e"] for r in pwin}
    shr("I13", sum(k in mw or "young_support" in P[k]["flags"] for k in yb),
        len(yb))
    oo = [o for o in orgs.values() if o["type"] == "ОО"]
    shr("I14", sum(yes(o.get("mentoring_model", "")) for o in oo), len(oo))
    shr("I15", sum("network_community" in p["flags"] for p in P.values()),
        n)
    cur = sum(v["count"] for v in vac if v["horizon"] == "текущая")
    shr("I16", n, n + cur)
    cnt("I17", sum(p["exp"] < 1 for p in P.values()))
    cnt("I18", sum(p["age"] < 35 for p in teachers))
    active = [r for r in pairs if r["start"] <= asof and
              (r["end"] is None or r["end"] >= asof)]
    am = {r["e"] for r in active}
    beg = [k for k, p in P.items() if p["exp"] < 3]
    cnt("M.beginners", len(beg))
    shr("M.beginners.covered", sum(k in am for k in beg), len(beg))
    cnt("M.young_beginners", len(yb))
    shr("M.young_beginners.covered", sum(k in am for k in yb), len(yb))
    cnt("M.pairs.active", len(active))
    shr("M.pairs.paid", sum(r["paid"] for r in active), len(active))
    per = {}
    for r in active:
        per.setdefault(r["m"], set()).add(r["e"])
    cnt("M.mentors.active", len(per))
    cnt("M.mentors.over_limit", sum(len(v) > 3 for v in per.values()))
    cnt("D.diagnosed", len(latest))
    wd = [k for k, d in latest.items() if d["deficit"]]
    cnt("D.with_deficit", len(wd))
    shr("D.addressed", sum(any(c["pid"] == k and c["end"] >=
                               latest[k]["date"] and "addresses_deficit" in
                               pflags[c["prog"]] for c in courses)
                           for k in wd), len(wd))
    shr("D.iom", sum("iom" in P[k]["flags"] for k in wd), len(wd))

    name = sorted(muni)[0] if muni else ""
    print("# rejected rows: %d" % len(rejected))
    for x in rejected:
        print("#   " + x)
    print("# warnings seen: %d" % len(warnings))
    for x in warnings:
        print("#   " + x)
    print("period,scope,scope_id,scope_name,code,breakdown,numerator,"
          "denominator,value")
    out.sort(key=lambda r: (r[0].encode(), r[1].encode()))
    for r in out:
        print(",".join([a.period, "district", name, name] + list(r)))
    if a.expect_seed:
        want = {("S.staff", ""): "365", ("S.staff", "org_type:ОО"): "256",
                ("S.staff", "org_type:ДОО"): "80",
                ("S.staff", "org_type:ДО"): "29", ("S.count", ""): "247",
                ("S.edu.higher", ""): "156/247 63.2",
                ("S.cat.high", ""): "47/247 19.0",
                ("S.cat.first", ""): "59/247 23.9",
                ("S.age.35-59", ""): "114/247 46.2",
                ("S.exp.20+", ""): "100/247 40.5", ("K.need", ""): "15",
                ("K.need", "subject:русский язык и литература"): "6",
                ("K.need", "subject:иностранный язык"): "3",
                ("K.need", "subject:математика"): "2",
                ("K.need", "subject:начальные классы"): "3",
                ("K.need", "subject:физика"): "1"}
        got = {}
        for code, br, num, den, val in out:
            got[(code, br)] = "%s/%s %s" % (num, den, val) if den else num
        bad = [(k, v, got.get(k)) for k, v in want.items()
               if got.get(k) != v]
        extra = [k for k in got if k[0] == "K.need" and k not in want]
        for k, v, g in bad:
            print("MISMATCH %s %s: want %s, got %s" % (k[0], k[1], v, g),
                  file=sys.stderr)
        for k in extra:
            print("UNEXPECTED %s %s" % k, file=sys.stderr)
        if bad or extra:
            return 1
        print("# seed figures: all %d match" % len(want), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
