package lang

import (
	"fmt"
	"time"

	"github.com/echoes-viz/echoes/graphmodel"
)

// Russian months: the genitive after a day ("25 июня"), the nominative
// alone ("июнь 1950").
var (
	ruGenitive   = [...]string{"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"}
	ruNominative = [...]string{"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"}
)

// Date writes d at its own precision as tag's language does: "25 June
// 1950", "1950년 6월 25일", "1950年6月25日", "25 июня 1950 г.".
func Date(tag string, d graphmodel.Date) string {
	switch d.Precision() {
	case graphmodel.DayPrecision:
		switch tag {
		case "ko":
			return fmt.Sprintf("%d년 %d월 %d일", d.Year, d.Month, d.Day)
		case "ja", "zh-Hans", "zh-Hant":
			return fmt.Sprintf("%d年%d月%d日", d.Year, d.Month, d.Day)
		case "ru":
			return fmt.Sprintf("%d %s %d г.", d.Day, ruGenitive[d.Month-1], d.Year)
		}
		return fmt.Sprintf("%d %s %d", d.Day, time.Month(d.Month), d.Year)
	case graphmodel.MonthPrecision:
		switch tag {
		case "ko":
			return fmt.Sprintf("%d년 %d월", d.Year, d.Month)
		case "ja", "zh-Hans", "zh-Hant":
			return fmt.Sprintf("%d年%d月", d.Year, d.Month)
		case "ru":
			return fmt.Sprintf("%s %d г.", ruNominative[d.Month-1], d.Year)
		}
		return fmt.Sprintf("%s %d", time.Month(d.Month), d.Year)
	}
	switch tag {
	case "ko":
		return fmt.Sprintf("%d년", d.Year)
	case "ja", "zh-Hans", "zh-Hant":
		return fmt.Sprintf("%d年", d.Year)
	case "ru":
		return fmt.Sprintf("%d г.", d.Year)
	}
	return fmt.Sprintf("%d", d.Year)
}
