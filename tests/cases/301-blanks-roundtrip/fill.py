"""Fills the blank forms as a school would (OUT/xlsx/<name>.xlsx) and saves
them as CSV the way a Russian Excel does (OUT/excel/<name>.csv:
Windows-1251, ';', CRLF, dates ДД.ММ.ГГГГ, decimal comma):
python3 fill.py BLANKS OUT."""
import datetime
import os
import sys

import openpyxl


def snils(nine):
    """A SNILS with a valid check number: '112-233-445 95'."""
    d = [int(c) for c in nine]
    s = sum(w * x for w, x in zip(range(9, 0, -1), d))
    if s < 100:
        k = s
    elif s in (100, 101):
        k = 0
    else:
        k = s % 101
        k = 0 if k == 100 else k
    return "%s-%s-%s %02d" % (nine[:3], nine[3:6], nine[6:], k)


D = datetime.date
A, B, C = snils("112233445"), snils("123456789"), snils("198765432")
ROWS = {
    "организации": [
        {"Код ОО": "sch01", "Наименование": "МБОУ СОШ № 1", "Тип": "ОО",
         "Муниципалитет": "Тестовый район", "ШНОР": "нет",
         "Целевая модель наставничества": "да"},
        {"Код ОО": "ds01", "Наименование": "МБДОУ Детский сад № 1",
         "Тип": "ДОО", "Муниципалитет": "Тестовый район"},
    ],
    "кадры": [
        {"СНИЛС": A, "Код ОО": "sch01", "ФИО": "Иванова Анна Петровна",
         "Дата рождения": D(1980, 3, 15), "Пол": "женский",
         "Должность": "учитель", "Предметы": "математика",
         "Занятость": "основное", "Образование": "высшее педагогическое",
         "Категория": "высшая", "Педагогический стаж, лет": 20,
         "Дата приема": D(2010, 9, 1), "Нагрузка, ч/нед": 27.5,
         "Наставник": "да", "ИОМ": "да"},
        {"СНИЛС": B, "Код ОО": "sch01", "ФИО": "Петров Олег Иванович",
         "Дата рождения": D(2001, 6, 2), "Пол": "мужской",
         "Должность": "учитель", "Предметы": "физика",
         "Образование": "высшее", "Категория": "без категории",
         "Педагогический стаж, лет": 1.5, "Дата приема": D(2025, 9, 1),
         "Нагрузка, ч/нед": 18, "Формы поддержки": "да"},
        {"СНИЛС": C, "Код ОО": "ds01", "ФИО": "Сидорова Мария",
         "Дата рождения": D(1975, 11, 30), "Пол": "женский",
         "Должность": "воспитатель", "Образование": "СПО педагогическое",
         "Категория": "первая", "Педагогический стаж, лет": 25},
    ],
    "диагностика": [
        {"СНИЛС": A, "Дата": D(2026, 3, 10),
         "Вид диагностики": "предметная", "Предмет": "математика",
         "Результат, %": 85, "Дефицит выявлен": "нет"},
        {"СНИЛС": B, "Дата": D(2026, 4, 20),
         "Вид диагностики": "методическая", "Результат, %": 45.5,
         "Дефицитные области": "оценивание, планирование"},
    ],
    "курсы": [
        {"СНИЛС": B, "Программа": "Формирующее оценивание",
         "Организация": "ЦНППМ", "Вид": "ПК", "Часы": 36,
         "Начало": D(2026, 5, 11), "Окончание": D(2026, 5, 29),
         "Форма": "дистанционная", "Федеральный реестр ДПП": "да",
         "Адресная (по итогам диагностики)": "да"},
    ],
    "наставничество": [
        {"Код ОО": "sch01", "СНИЛС наставника": A,
         "СНИЛС наставляемого": B, "Форма": "педагог — педагог",
         "Начало": D(2025, 9, 1), "Доплата наставнику": "да"},
    ],
    "вакансии": [
        {"Код ОО": "sch01", "Должность": "учитель", "Предмет": "химия",
         "Количество": 1, "Горизонт": "текущая", "Нагрузка, ч/нед": 18},
    ],
}


def excel_text(v):
    """What a Russian Excel writes for a cell into a CSV."""
    if v is None:
        return ""
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.strftime("%d.%m.%Y")
    if isinstance(v, float):
        return ("%g" % v).replace(".", ",")
    return str(v)


def quote(s):
    if any(c in s for c in ';"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def main():
    blanks, out = sys.argv[1], sys.argv[2]
    os.makedirs(os.path.join(out, "xlsx"), exist_ok=True)
    os.makedirs(os.path.join(out, "excel"), exist_ok=True)
    for name, rows in ROWS.items():
        wb = openpyxl.load_workbook(os.path.join(blanks, name + ".xlsx"))
        ws = wb.worksheets[0]
        assert ws.sheet_state == "visible"
        assert wb.worksheets[1].sheet_state == "hidden"
        # the form's dropdowns and checks came through
        assert len(ws.data_validations.dataValidation) > 0
        heads = [c.value for c in ws[1]]
        col = {h.rstrip("*"): i + 1 for i, h in enumerate(heads)}
        for r, row in enumerate(rows, start=2):
            for key, v in row.items():
                ws.cell(row=r, column=col[key], value=v)
        filled = os.path.join(out, "xlsx", name + ".xlsx")
        wb.save(filled)
        # read the saved form back, as Excel would on «Сохранить как CSV»
        ws = openpyxl.load_workbook(filled).worksheets[0]
        lines = []
        for row in ws.iter_rows(values_only=True):
            lines.append(";".join(quote(excel_text(v)) for v in row))
        with open(os.path.join(out, "excel", name + ".csv"), "wb") as f:
            f.write(("\r\n".join(lines) + "\r\n").encode("cp1251"))


main()
