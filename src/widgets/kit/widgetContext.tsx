// src/widgets/kit/widgetContext.tsx: one store per widget instance, given to its panels through React context.
// Every widget makes its provider and hooks here, so a page can show several widgets, each with its own worker.
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { useStore, type StoreApi } from "zustand";

/** What a widget's store must offer the provider: start its worker after mount, stop it on unmount. */
export interface Startable {
  start(): void | Promise<void>;
  dispose(): void;
}

export interface WidgetContext<S extends Startable, P> {
  /** Makes the store once (from the first props), starts it after mount and disposes of it on unmount. */
  Provider: (props: P & { children: ReactNode }) => ReactNode;
  /** The store itself, for actions and subscriptions outside rendering. */
  useStoreApi: () => StoreApi<S>;
  /** A slice of the state; the component re-renders only when that slice changes. */
  useSlice: <T>(selector: (state: S) => T) => T;
}

/** A provider and hooks for one kind of widget. `name` is used in the error a hook outside its provider throws. */
export function createWidgetContext<S extends Startable, P>(name: string, makeStore: (props: P) => StoreApi<S>): WidgetContext<S, P> {
  const Context = createContext<StoreApi<S> | null>(null);
  function Provider(props: P & { children: ReactNode }) {
    const [store] = useState(() => makeStore(props));
    useEffect(() => {
      void store.getState().start();
      return () => {
        store.getState().dispose();
      };
    }, [store]);
    return <Context.Provider value={store}>{props.children}</Context.Provider>;
  }
  const useStoreApi = (): StoreApi<S> => {
    const store = useContext(Context);
    if (!store) throw new Error(`${name} needs its provider around the widget`);
    return store;
  };
  function useSlice<T>(selector: (state: S) => T): T {
    return useStore(useStoreApi(), selector);
  }
  return { Provider, useStoreApi, useSlice };
}
