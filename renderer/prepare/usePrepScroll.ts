// Where a preparation screen scrolls: results start at the top of the screen, and once the machine
// and the material are chosen the work area (bed, model) comes into view.
import { useEffect, useRef } from 'react';

export function usePrepScroll<T extends HTMLElement>(showResults: boolean, workInView: boolean) {
  useEffect(() => {
    document.getElementById('main')?.scrollTo({ top: 0, behavior: 'instant' });
  }, [showResults]);

  const work = useRef<T>(null);
  useEffect(() => {
    if (workInView) work.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [workInView]);
  return work;
}
